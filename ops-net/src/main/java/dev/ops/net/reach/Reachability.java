package dev.ops.net.reach;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.net.IpAddress;
import dev.ops.core.text.HostNames;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reachability checks with typed results: TCP connect and DNS resolution from this JVM, ICMP ping
 * and path MTU discovery through a host's {@code ping}. A failure is a result with a reason, not
 * an exception; only bad input throws.
 *
 * <pre>{@code
 * ProbeResult web = Reachability.local().tcp("127.0.0.1", 8006, Duration.ofSeconds(2));
 * ProbeResult gw = Reachability.from(host).ping("10.0.0.1");
 * PathMtuResult mtu = Reachability.from(host).pathMtu("10.0.0.1", 9000);
 * }</pre>
 */
public final class Reachability {
    private static final Pattern RTT = Pattern.compile("= [0-9.]+/([0-9]{1,9}(?:\\.[0-9]{1,9})?)/");
    private static final Pattern MTU_HINT = Pattern.compile("mtu ?= ?([0-9]{1,6})\\b");

    /** Resolves a name to addresses; the default asks the JVM (and so the system resolver). */
    @FunctionalInterface
    public interface Resolver {
        /** The addresses of {@code name}. */
        List<InetAddress> resolve(String name) throws UnknownHostException;
    }

    private final Host host;
    private final Resolver resolver;

    private Reachability(Host host, Resolver resolver) {
        this.host = host;
        this.resolver = resolver;
    }

    /** Checks run from this JVM (TCP and DNS only). */
    public static Reachability local() {
        return new Reachability(null, name -> Arrays.asList(InetAddress.getAllByName(name)));
    }

    /** Checks that run {@code ping} on {@code host} (TCP and DNS still run from this JVM). */
    public static Reachability from(Host host) {
        return new Reachability(Objects.requireNonNull(host, "host"), local().resolver);
    }

    /** The same checks with another resolver. */
    public Reachability withResolver(Resolver other) {
        return new Reachability(host, Objects.requireNonNull(other, "resolver"));
    }

    /** Opens and closes a TCP connection to {@code address:port}. */
    public ProbeResult tcp(String address, int port, Duration timeout) {
        Violations v = Violations.of("TCP probe");
        v.check(address != null && (IpAddress.tryParse(address).isPresent() || HostNames.isValid(address)), "address",
                "'" + address + "' is neither an IP address nor a host name");
        v.check(port >= 1 && port <= 65535, "port", port + " is outside 1-65535");
        v.check(timeout != null && !timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive");
        v.throwIfAny();
        String target = address + ":" + port;
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            return ProbeResult.ok("tcp", target, Duration.ofNanos(System.nanoTime() - start));
        } catch (ConnectException e) {
            return ProbeResult.failed("tcp", target, "connection refused");
        } catch (SocketTimeoutException e) {
            return ProbeResult.failed("tcp", target, "no answer within " + timeout.toMillis() + " ms");
        } catch (NoRouteToHostException e) {
            return ProbeResult.failed("tcp", target, "no route to host");
        } catch (UnknownHostException e) {
            return ProbeResult.failed("tcp", target, "cannot resolve " + address);
        } catch (IOException e) {
            return ProbeResult.failed("tcp", target, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Resolves {@code name}. */
    public DnsResult resolve(String name) {
        Violations.of("DNS probe").check(HostNames.isValid(name), "name", "'" + name + "' is not a valid host name").throwIfAny();
        long start = System.nanoTime();
        try {
            List<IpAddress> out = new ArrayList<>();
            for (InetAddress a : resolver.resolve(name)) {
                IpAddress.tryParse(a.getHostAddress().replaceFirst("%.*$", "")).ifPresent(out::add);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return out.isEmpty() ? DnsResult.failed(name, took, "no addresses") : DnsResult.of(name, out, took);
        } catch (UnknownHostException e) {
            return DnsResult.failed(name, Duration.ofNanos(System.nanoTime() - start), "unknown host: " + e.getMessage());
        }
    }

    /** Three pings of {@code address} from the host, one second apart at most each. */
    public ProbeResult ping(String address) {
        return ping(address, 3, Duration.ofSeconds(1));
    }

    /** {@code count} pings of {@code address} from the host; the result's latency is the average round trip. */
    public ProbeResult ping(String address, int count, Duration timeoutEach) {
        Violations v = Violations.of("ping");
        checkHost(v);
        checkAddress(v, address);
        v.check(count >= 1 && count <= 100, "count", "must be 1-100")
                .check(timeoutEach != null && !timeoutEach.isNegative() && timeoutEach.toSeconds() >= 1, "timeout", "must be at least one second")
                .throwIfAny();
        Host h = host;
        IpAddress ip = IpAddress.parse(address);
        CommandResult r = h.run(pingCommand(ip, count, timeoutEach, OptionalInt.empty(), count * (timeoutEach.toSeconds() + 1) + 5));
        String out = r.stdoutText();
        Matcher m = RTT.matcher(out);
        if (r.ok() && m.find()) {
            return ProbeResult.ok("icmp", ip.toString(), Duration.ofNanos((long) (Double.parseDouble(m.group(1)) * 1_000_000)));
        }
        return ProbeResult.failed("icmp", ip.toString(), pingFailure(r));
    }

    /**
     * The path MTU to {@code address}, by binary search with don't-fragment pings between the
     * IPv4/IPv6 minimum and {@code maxMtu}.
     */
    public PathMtuResult pathMtu(String address, int maxMtu) {
        Violations v = Violations.of("path MTU");
        checkHost(v);
        checkAddress(v, address);
        boolean v4 = IpAddress.tryParse(address).map(IpAddress::isV4).orElse(true);
        int headers = v4 ? 28 : 48;
        int min = v4 ? 68 : 1280;
        v.check(maxMtu >= min && maxMtu <= 65535, "maxMtu", "must be " + min + "-65535").throwIfAny();
        Host h = host;
        IpAddress ip = IpAddress.parse(address);
        int probes = 1;
        CommandResult first = h.run(pingCommand(ip, 1, Duration.ofSeconds(1), OptionalInt.of(min - headers), 10));
        if (!first.ok()) {
            return PathMtuResult.failed(ip.toString(), probes, pingFailure(first));
        }
        int lo = min;
        int hi = maxMtu;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            CommandResult r = h.run(pingCommand(ip, 1, Duration.ofSeconds(1), OptionalInt.of(mid - headers), 10));
            probes++;
            if (r.ok()) {
                lo = mid;
            } else {
                Matcher hint = MTU_HINT.matcher(r.stdoutText() + r.stderrText());
                int next = mid - 1;
                if (hint.find()) {
                    next = Math.min(next, Math.max(lo, AsciiNumbers.parseInt(hint.group(1))));
                }
                hi = next;
            }
        }
        return PathMtuResult.found(ip.toString(), lo, probes);
    }

    private static Command pingCommand(IpAddress ip, int count, Duration wait, OptionalInt size, long timeoutSeconds) {
        List<String> argv = new ArrayList<>(List.of("ping", ip.isV4() ? "-4" : "-6", "-n", "-c", String.valueOf(count),
                "-W", String.valueOf(Math.max(1, wait.toSeconds()))));
        if (count > 1) {
            argv.addAll(List.of("-i", "0.2"));
        }
        size.ifPresent(s -> argv.addAll(List.of("-M", "do", "-s", String.valueOf(s))));
        argv.add(ip.toString());
        return Command.of(argv).withTimeout(Duration.ofSeconds(timeoutSeconds));
    }

    private static String pingFailure(CommandResult r) {
        String err = r.stderrText().strip();
        if (r.exitCode() == 1 && err.isEmpty()) {
            return "no reply (100% packet loss)";
        }
        if (r.exitCode() == 127) {
            return "ping is not installed on " + r.host();
        }
        String text = err.isEmpty() ? r.stdoutText().strip() : err;
        return text.isEmpty() ? "ping exited " + r.exitCode() : text.lines().reduce((a, b) -> b).orElse(text);
    }

    private void checkHost(Violations v) {
        v.check(host != null, "host", "ping and path MTU run through a host: use Reachability.from(host)");
    }

    private static void checkAddress(Violations v, String address) {
        v.check(IpAddress.tryParse(address).isPresent(), "address",
                "'" + String.valueOf(address).replace("\0", "\\0") + "' is not an IP address");
    }
}
