package dev.ops.sys.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProcessesTest {
    private final LocalHost local = LocalHost.create();
    private Process sleeper;

    @BeforeEach
    void startSleeper() throws Exception {
        sleeper = new ProcessBuilder("sleep", "301.25").start();
    }

    @AfterEach
    void stopSleeper() {
        sleeper.destroyForcibly();
    }

    @Test
    void listHasThisJvmWithItsStatAndStatusFields() {
        ProcessHandle self = ProcessHandle.current();

        ProcessInfo me = Processes.on(local).get(self.pid()).orElseThrow();

        assertThat(me.ppid()).isEqualTo(self.parent().orElseThrow().pid());
        assertThat(me.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(me.threads()).isGreaterThan(1);
        assertThat(me.rssBytes()).isPositive();
        assertThat(me.commandLine().get(0)).endsWith("java");
        Instant started = self.info().startInstant().orElseThrow();
        assertThat(Duration.between(started, me.startedAt()).abs()).isLessThan(Duration.ofSeconds(2));
        assertThat(me.state()).isIn('R', 'S');
    }

    @Test
    void findByNameFindsTheStartedProcessWithItsArguments() {
        List<ProcessInfo> found = Processes.on(local).findByName("sleep");

        assertThat(found).anySatisfy(p -> {
            assertThat(p.pid()).isEqualTo(sleeper.pid());
            assertThat(p.commandLine()).containsExactly("sleep", "301.25");
            assertThat(p.ppid()).isEqualTo(ProcessHandle.current().pid());
        });
    }

    @Test
    void findByUserAcceptsNameOrUid() {
        ProcessInfo mine = Processes.on(local).get(sleeper.pid()).orElseThrow();

        assertThat(Processes.on(local).findByUser(mine.user())).extracting(ProcessInfo::pid).contains(sleeper.pid());
        assertThat(Processes.on(local).findByUser(Integer.toString(mine.uid()))).extracting(ProcessInfo::pid).contains(sleeper.pid());
    }

    @Test
    void aDeliveredSignalEndsTheProcessAndASecondFindsNoProcess() throws Exception {
        SignalResult first = Processes.on(local).signal(sleeper.pid(), Signal.TERM);

        assertThat(first).isEqualTo(new SignalResult.Delivered(sleeper.pid(), Signal.TERM));
        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sleeper.exitValue()).isEqualTo(143);
        assertThat(Processes.on(local).signal(sleeper.pid(), Signal.CHECK)).isEqualTo(new SignalResult.NoSuchProcess(sleeper.pid()));
    }

    @Test
    void signallingAnotherUsersProcessIsNotPermitted() {
        RealComponents.root();
        RealComponents.program("setpriv");
        Host nobody = new Host() {
            @Override
            public String name() {
                return "as-nobody";
            }

            @Override
            public CommandResult run(Command command) {
                List<String> argv = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
                argv.addAll(command.argv());
                return local.run(command.toBuilder().argv(argv).build());
            }
        };

        SignalResult r = Processes.on(nobody).signal(sleeper.pid(), Signal.KILL);

        assertThat(r).isInstanceOfSatisfying(SignalResult.NotPermitted.class, n -> assertThat(n.message()).contains("not permitted"));
        assertThat(sleeper.isAlive()).isTrue();
    }

    @Test
    void nonPositivePidsAreRefused() {
        assertThatThrownBy(() -> Processes.on(local).signal(-1, Signal.KILL)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Processes.on(local).signal(0, Signal.KILL)).isInstanceOf(ValidationException.class);
    }

    @Test
    void listingIsOneCommand() {
        List<Command> seen = new ArrayList<>();
        Host recording = new Host() {
            @Override
            public String name() {
                return "rec";
            }

            @Override
            public CommandResult run(Command command) {
                seen.add(command);
                return local.run(command);
            }
        };

        assertThat(Processes.on(recording).list()).hasSizeGreaterThan(2);
        assertThat(seen).hasSize(1);
    }
}
