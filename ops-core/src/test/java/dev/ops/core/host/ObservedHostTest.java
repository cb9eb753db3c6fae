package dev.ops.core.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.OpsTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An observed host tells its observer of every command, ended or failed, and is otherwise the host it observes. */
class ObservedHostTest {
    private final List<String> heard = new ArrayList<>();
    private final ObservedHost.Observer observer = new ObservedHost.Observer() {
        @Override
        public void ran(Command command, CommandResult result, Duration took) {
            heard.add(command.render() + " -> " + result.exitCode());
        }

        @Override
        public void failed(Command command, RuntimeException failure, Duration took) {
            heard.add(command.render() + " failed: " + failure.getClass().getSimpleName());
        }
    };

    private static Host answering(boolean local) {
        return new Host() {
            @Override
            public String name() {
                return "node-1";
            }

            @Override
            public boolean isLocal() {
                return local;
            }

            @Override
            public CommandResult run(Command command) {
                if (command.argv().get(0).equals("hang")) {
                    throw new OpsTimeoutException("hang", Duration.ofSeconds(1), "killed");
                }
                return CommandResult.of("node-1", command, command.argv().get(0).equals("false") ? 1 : 0, new byte[0], new byte[0], Duration.ZERO, false);
            }
        };
    }

    @Test
    void everyCommandIsHeardWithItsExitCodeAndAFailureAsAFailure() {
        Host host = ObservedHost.of(answering(true), observer);

        host.run("true");
        host.run("false");
        assertThatThrownBy(() -> host.run("hang")).isInstanceOf(OpsTimeoutException.class);
        host.readText("/etc/hostname");

        assertThat(heard).hasSize(4).startsWith("true -> 0", "false -> 1", "hang failed: OpsTimeoutException");
        assertThat(heard.get(3)).contains("/etc/hostname");
    }

    @Test
    void nameAndLocalityAreTheObservedHosts() {
        assertThat(ObservedHost.of(answering(true), observer).isLocal()).isTrue();
        assertThat(ObservedHost.of(answering(false), observer).isLocal()).isFalse();
        assertThat(ObservedHost.of(answering(false), observer).name()).isEqualTo("node-1");
    }
}
