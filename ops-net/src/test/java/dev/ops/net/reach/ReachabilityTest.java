package dev.ops.net.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.core.testing.RealComponents;
import dev.ops.net.IpAddress;
import dev.ops.net.Netns;
import dev.ops.net.link.Network;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Probes only loopback and a namespace the test makes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReachabilityTest {

    @Test
    void tcpConnectToAListeningLoopbackPortSucceedsWithALatency() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ProbeResult r = Reachability.local().tcp("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(2));

            assertThat(r.reachable()).isTrue();
            assertThat(r.latency()).isPresent();
            assertThat(r.target()).isEqualTo("127.0.0.1:" + server.getLocalPort());
        }
    }

    @Test
    void tcpConnectToAClosedLoopbackPortSaysRefused() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult r = Reachability.local().tcp("127.0.0.1", port, Duration.ofSeconds(2));

        assertThat(r.reachable()).isFalse();
        assertThat(r.failure()).contains("connection refused");
    }

    @Test
    void badProbeInputIsAValidationError() {
        assertThatThrownBy(() -> Reachability.local().tcp("bad_name!", 70000, Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(3));
    }

    @Test
    void localhostResolvesToLoopback() {
        DnsResult r = Reachability.local().resolve("localhost");

        assertThat(r.resolved()).isTrue();
        assertThat(r.addresses()).allMatch(IpAddress::isLoopback);
    }

    @Test
    void aNameThatDoesNotResolveGivesAReason() {
        Reachability offline = Reachability.local().withResolver(name -> {
            throw new UnknownHostException(name + ": Name or service not known");
        });

        DnsResult r = offline.resolve("pve-node-02.lab");

        assertThat(r.resolved()).isFalse();
        assertThat(r.failure()).hasValueSatisfying(f -> assertThat(f).contains("unknown host"));
    }

    @Test
    void pingAndPathMtuAcrossAVethBetweenTwoNamespaces() {
        RealComponents.program("ping");
        try (Netns a = Netns.create(); Netns b = Netns.create()) {
            Network netA = Network.on(a.host(), Ops.inMemory());
            Network netB = Network.on(b.host(), Ops.inMemory());
            netA.veth("v0").peer("v1").mtu(1400).up().present().apply();
            a.host().check(dev.ops.core.host.Command.of("ip", "link", "set", "v1", "netns", b.name()));
            netA.address("v0", "10.66.0.1/24").present().apply();
            netB.link("v1").mtu(1400).up().present().apply();
            netB.address("v1", "10.66.0.2/24").present().apply();
            Reachability reach = Reachability.from(a.host());

            ProbeResult up = reach.ping("10.66.0.2", 1, Duration.ofSeconds(1));
            assertThat(up.reachable()).as(up.toString()).isTrue();
            assertThat(up.latency()).isPresent();

            PathMtuResult mtu = reach.pathMtu("10.66.0.2", 9000);
            assertThat(mtu.mtu()).as(mtu.toString()).hasValue(1400);

            ProbeResult silent = reach.ping("10.66.0.77", 1, Duration.ofSeconds(1));
            assertThat(silent.reachable()).isFalse();
            assertThat(silent.failure()).isPresent();
        }
    }

    @Test
    void aBadAddressDoesNotHideABadMaximumMtuOrAMissingHost() {
        List<Command> ran = new ArrayList<>();
        Host host = new Host() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public CommandResult run(Command command) {
                ran.add(command);
                throw new AssertionError("nothing may run: " + command.render());
            }
        };

        assertThatThrownBy(() -> Reachability.from(host).pathMtu("10.0.0.\u0661", 20)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("address", "maxMtu"));
        assertThatThrownBy(() -> Reachability.local().ping("bad\0", 0, Duration.ZERO)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("host", "address", "count", "timeout"));
        assertThat(ran).isEmpty();
    }
}
