package dev.ops.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.host.Host;
import dev.ops.testkit.host.ScriptedHost;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class HostMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void commandsAreTimedByHostAndExitCodeAndAnswerAsTheHostDoes() {
        Host host = HostMetrics.instrument(ScriptedHost.named("web-1").on("uname", "-r").reply("6.8.12\n"), registry);

        assertThat(host.output("uname", "-r")).isEqualTo("6.8.12\n");
        assertThat(host.run("reboot").exitCode()).isEqualTo(127);
        assertThat(host.name()).isEqualTo("web-1");

        assertThat(registry.get("ops.host.commands").tags("host", "web-1", "exit", "0").timer().count()).isEqualTo(1);
        assertThat(registry.get("ops.host.commands").tags("host", "web-1", "exit", "127").timer().count()).isEqualTo(1);
    }
}
