package dev.ops.srv.health;

import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.srv.health.internal.Probes;
import dev.ops.srv.unit.UnitNames;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One way of asking whether something is healthy; {@link #probe(Duration)} answers within the timeout. */
public sealed interface Probe {

    /** Runs the probe once, giving up after {@code timeout}; never throws for an unhealthy target. */
    default ProbeResult probe(Duration timeout) {
        return Probes.run(this, timeout);
    }

    /** What the probe asks, for events and logs. */
    String describe();

    /** An HTTP GET of {@code uri} that is healthy on a 2xx status. */
    static Http http(URI uri) {
        return new Http(uri, 200, 299, Optional.empty());
    }

    /** A TCP connect to {@code host}:{@code port} that is healthy when the connection is accepted. */
    static Tcp tcp(String host, int port) {
        return new Tcp(host, port);
    }

    /** {@code command} run on {@code host}, healthy on exit 0. */
    static Exec command(Host host, Command command) {
        return new Exec(host, command);
    }

    /** The unit {@code unit} on {@code host}, healthy while systemd says it is active. */
    static Unit unit(Host host, String unit) {
        return new Unit(host, unit);
    }

    /**
     * An HTTP GET probe.
     *
     * @param uri an http or https URI
     * @param minStatus the lowest healthy status
     * @param maxStatus the highest healthy status
     * @param body a pattern the body must contain a match of, if any
     */
    record Http(URI uri, int minStatus, int maxStatus, Optional<Pattern> body) implements Probe {
        public Http {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(body, "body");
            dev.ops.core.error.Violations v = dev.ops.core.error.Violations.of("http probe");
            v.check("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()), "uri", "'" + uri + "' must be http or https");
            v.check(minStatus >= 100 && maxStatus <= 599 && minStatus <= maxStatus, "status", minStatus + ".." + maxStatus
                    + " is not a range of HTTP statuses");
            v.throwIfAny();
        }

        /** This probe, healthy only on {@code status}. */
        public Http status(int status) {
            return new Http(uri, status, status, body);
        }

        /** This probe, also requiring a match of {@code regex} in the body. */
        public Http bodyMatches(String regex) {
            return new Http(uri, minStatus, maxStatus, Optional.of(Pattern.compile(regex)));
        }

        @Override
        public String describe() {
            return "GET " + uri;
        }
    }

    /**
     * A TCP connect probe.
     *
     * @param host a host name or address
     * @param port 1 to 65535
     */
    record Tcp(String host, int port) implements Probe {
        public Tcp {
            Objects.requireNonNull(host, "host");
            dev.ops.core.error.Violations.of("tcp probe").check(port >= 1 && port <= 65535, "port", port + " is not a TCP port")
                    .check(!host.isBlank(), "host", "must not be blank").throwIfAny();
        }

        @Override
        public String describe() {
            return "connect " + host + ":" + port;
        }
    }

    /**
     * A command probe.
     *
     * @param host where the command runs
     * @param command healthy on exit 0
     */
    record Exec(Host host, Command command) implements Probe {
        public Exec {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String describe() {
            return command.render() + " on " + host.name();
        }
    }

    /**
     * A systemd unit state probe.
     *
     * @param host where the unit runs
     * @param unit the unit's name
     */
    record Unit(Host host, String unit) implements Probe {
        public Unit {
            Objects.requireNonNull(host, "host");
            dev.ops.core.error.Violations v = dev.ops.core.error.Violations.of("unit probe");
            UnitNames.check(v, "unit", unit);
            v.throwIfAny();
        }

        @Override
        public String describe() {
            return "unit " + unit + " on " + host.name();
        }
    }
}
