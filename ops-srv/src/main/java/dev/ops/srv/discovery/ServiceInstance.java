package dev.ops.srv.discovery;

import dev.ops.core.error.Violations;
import dev.ops.srv.health.HealthStatus;
import java.util.Set;
import org.immutables.value.Value;

/**
 * One instance of a service: where it answers, its tags, and its health as checks last reported
 * it ({@link HealthStatus#UNKNOWN} until a check says).
 *
 * <pre>{@code
 * ServiceInstance api1 = ServiceInstance.builder().service("api").id("api-1").address("10.0.0.11").port(8080).addTags("v2").build();
 * }</pre>
 */
@Value.Immutable
public abstract class ServiceInstance {

    /** The service's name, a DNS label: lower-case letters, digits and hyphens. */
    public abstract String service();

    /** The instance's id, unique within the service, a DNS label too (it becomes an HAProxy server name and a host name). */
    public abstract String id();

    /** The address it answers on (an IP address or a host name). */
    public abstract String address();

    /** The port it answers on. */
    public abstract int port();

    /** Free-form tags (a version, a zone). */
    public abstract Set<String> tags();

    /** Its health as checks last reported it. */
    @Value.Default
    public HealthStatus health() {
        return HealthStatus.UNKNOWN;
    }

    /** Whether checks report it healthy: only healthy instances are rendered into names and load balancers. */
    public boolean healthy() {
        return health() == HealthStatus.HEALTHY;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("service instance " + service() + "/" + id());
        v.check(label(service()), "service", "'" + service() + "' is not a DNS label (a-z, 0-9, '-', at most 63)");
        v.check(label(id()), "id", "'" + id() + "' is not a DNS label (a-z, 0-9, '-', at most 63)");
        v.check(address().matches("[A-Za-z0-9.:-]+") && address().length() <= 253, "address", "'" + address() + "' is not an address");
        v.check(port() >= 1 && port() <= 65535, "port", port() + " is not a port from 1 to 65535");
        tags().forEach(t -> v.check(t.matches("[A-Za-z0-9_.=:-]+"), "tags", "'" + t + "' is not a tag (letters, digits, _ . = : -)"));
        v.throwIfAny();
    }

    private static boolean label(String s) {
        return s.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    }

    /** Builds a {@link ServiceInstance}. */
    public static final class Builder extends ImmutableServiceInstance.Builder {}
}
