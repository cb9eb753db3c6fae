package dev.ops.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.OpsException;
import dev.ops.core.host.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BasicFactsTest {

    @Test
    void readsThisMachinesFactsInOneCommand() throws Exception {
        BasicFacts f = BasicFacts.of(LocalHost.create());

        assertThat(f.hostname()).isEqualTo(LocalHost.create().output("uname", "-n").strip());
        assertThat(f.kernel()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        assertThat(f.memTotalBytes()).isPositive().isGreaterThanOrEqualTo(f.memAvailableBytes());
        assertThat(f.uptime()).isPositive();
        assertThat(f.load1()).isNotNegative();
    }

    @Test
    void parsesTheScriptOutput() {
        BasicFacts f = BasicFacts.parse("h", """
                pve-01
                6.8.12-4-pve
                x86_64
                Debian GNU/Linux 12 (bookworm)
                12345.67 23456.78
                0.52 0.58 0.59 1/123 4567
                MemTotal:       65843212 kB
                MemAvailable:   60000000 kB
                """);

        assertThat(f).isEqualTo(new BasicFacts("pve-01", "6.8.12-4-pve", "x86_64", "Debian GNU/Linux 12 (bookworm)",
                java.time.Duration.ofMillis(12_345_670), 0.52, 0.58, 0.59, 65843212L * 1024, 60000000L * 1024));
    }

    @Test
    void garbledOutputIsATypedErrorNamingTheHost() {
        assertThatThrownBy(() -> BasicFacts.parse("web-1", "only\nthree\nlines\n")).isInstanceOf(OpsException.class)
                .hasMessageStartingWith("web-1: unexpected facts output");
    }
}
