package dev.ops.sys.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.fleet.Fleet;
import dev.ops.core.fleet.FleetResult;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.host.LocalHost;
import dev.ops.core.testing.RealComponents;
import dev.ops.testkit.sandbox.SandboxHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class FactsTest {

    /** Records every command a host is asked to run. */
    static final class RecordingHost implements Host {
        final Host inner;
        final String name;
        final List<Command> commands = new ArrayList<>();

        RecordingHost(String name, Host inner) {
            this.name = name;
            this.inner = inner;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public synchronized CommandResult run(Command command) {
            commands.add(command);
            return inner.run(command);
        }
    }

    @Test
    void gatheringIsOneCommandPerHost() {
        RecordingHost host = new RecordingHost("local", LocalHost.create());

        Facts.of(host).gather();

        assertThat(host.commands).hasSize(1);
        assertThat(host.commands.get(0).argv().get(0)).isEqualTo("sh");
        assertThat(host.commands.get(0).sudo()).isFalse();
    }

    @Test
    void theCommandSurvivesBeingSentAsOneShellLineAsSshSendsIt() throws IOException {
        Host oneLine = new Host() {
            @Override
            public String name() {
                return "one-line";
            }

            @Override
            public CommandResult run(Command command) {
                // An SSH exec request carries one string that the remote login shell parses.
                return LocalHost.create().run(Command.of("sh", "-c", dev.ops.core.host.ShellQuote.join(command.argv())));
            }
        };

        HostFacts f = Facts.of(oneLine).gather();

        assertThat(f.hostname()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        assertThat(f.mount("/")).isPresent();
        assertThat(f.os().id()).isNotBlank();
    }

    @Test
    void factsOfThisMachineMatchItsFiles() throws IOException {
        HostFacts f = Facts.of(LocalHost.create()).gather();

        assertThat(f.hostname()).isEqualTo(Files.readString(Path.of("/proc/sys/kernel/hostname")).strip());
        assertThat(f.kernel().release()).isEqualTo(System.getProperty("os.version"));
        assertThat(f.kernel().architecture()).isEqualTo(LocalHost.create().output("uname", "-m").strip());
        assertThat(f.kernel().commandLine()).isEqualTo(Files.readString(Path.of("/proc/cmdline")).strip());
        assertThat(f.os().id()).isNotBlank();
        assertThat(f.cpus().online()).isPositive();
        assertThat(f.cpus().logical()).isGreaterThanOrEqualTo(f.cpus().online());
        assertThat(f.memory().totalBytes()).isPositive();
        assertThat(f.memory().availableBytes()).isBetween(0L, f.memory().totalBytes());
        assertThat(f.mount("/")).isPresent();
        assertThat(f.usage("/")).hasValueSatisfying(u -> assertThat(u.totalBytes()).isPositive());
        assertThat(f.uptime()).isPositive();
        assertThat(f.load().total()).isPositive();
        assertThat(f.blockDevices()).extracting(BlockDevice::name)
                .containsExactlyInAnyOrderElementsOf(List.of(new java.io.File("/sys/block").list()));
    }

    @Test
    void factsRoundTripThroughJson() {
        HostFacts f = Facts.of(LocalHost.create()).gather();

        assertThat(dev.ops.core.json.internal.Json.read(dev.ops.core.json.internal.Json.write(f), HostFacts.class)).isEqualTo(f);
    }

    @Test
    void timeZoneComesFromTheLocaltimeLink() throws IOException {
        Path lt = Path.of("/etc/localtime");
        RealComponents.assume(Files.isSymbolicLink(lt), "/etc/localtime as a symlink");
        String target = Files.readSymbolicLink(lt).toString();

        HostFacts f = Facts.of(LocalHost.create()).gather();

        assertThat(target).endsWith("/" + f.timeZone());
    }

    @Test
    void aFleetGathersEveryHostsFacts() {
        List<Host> hosts = List.of(LocalHost.named("a"), LocalHost.named("b"), LocalHost.named("c"));

        FleetResult<HostFacts> r = Fleet.of(hosts).perHostTimeout(Duration.ofSeconds(30)).run(h -> Facts.of(h).gather());

        assertThat(r.allOk()).as(r.summary()).isTrue();
        assertThat(r.values()).containsOnlyKeys("a", "b", "c");
        assertThat(r.values().values()).extracting(HostFacts::host).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void factsInsideASandboxSeeItsOwnHostname() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        try (SandboxHost sandbox = SandboxHost.start()) {
            sandbox.check(Command.of("hostname", "facts-sandbox"));

            assertThat(Facts.of(sandbox).gather().hostname()).isEqualTo("facts-sandbox");
        }
    }

    @Test
    void aMountPointWithSpacesIsDecodedAndHasUsage() {
        RealComponents.assume(SandboxHost.isSupported(), "root with unshare and nsenter");
        try (SandboxHost sandbox = SandboxHost.start()) {
            sandbox.check(Command.shell("mkdir -p '/srv/with space' && mount -t tmpfs -o size=1m ops-t '/srv/with space'"));

            HostFacts f = Facts.of(sandbox).gather();

            assertThat(f.mount("/srv/with space")).hasValueSatisfying(m -> assertThat(m.fsType()).isEqualTo("tmpfs"));
            assertThat(f.usage("/srv/with space")).hasValueSatisfying(u -> assertThat(u.totalBytes()).isEqualTo(1024 * 1024));
        }
    }
}
