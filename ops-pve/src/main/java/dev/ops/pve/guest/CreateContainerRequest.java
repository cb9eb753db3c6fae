package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveIds;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A new LXC container ({@code POST /nodes/{node}/lxc}) from an OS template volume.
 *
 * <pre>{@code
 * CreateContainerRequest r = CreateContainerRequest.builder().vmid(200)
 *         .osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst").hostname("ct-1")
 *         .rootfs("local-lvm:8").putOptions("net0", "name=eth0,bridge=vmbr0,ip=dhcp").build();
 * }</pre>
 */
@Value.Immutable
public abstract class CreateContainerRequest {

    /** The VMID; allocated by {@link dev.ops.pve.PveChanges#createContainer} when absent. */
    public abstract OptionalInt vmid();

    /** {@code ostemplate}: the template volume, e.g. {@code local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst}. */
    public abstract String osTemplate();

    /** {@code hostname}; a DNS name. */
    public abstract Optional<String> hostname();

    /** {@code memory} in MiB. */
    public abstract OptionalInt memoryMb();

    /** {@code swap} in MiB. */
    public abstract OptionalInt swapMb();

    /** {@code cores}. */
    public abstract OptionalInt cores();

    /** {@code rootfs}, e.g. {@code local-lvm:8}. */
    public abstract Optional<String> rootfs();

    /** {@code storage}: the default storage. */
    public abstract Optional<String> storage();

    /** {@code password} of root in the container; masked in every rendering. */
    public abstract Optional<Secret> password();

    /** {@code ssh-public-keys}. */
    public abstract List<String> sshPublicKeys();

    /** {@code unprivileged}. */
    public abstract Optional<Boolean> unprivileged();

    /** {@code start} once created. */
    public abstract Optional<Boolean> start();

    /** {@code onboot}. */
    public abstract Optional<Boolean> onBoot();

    /** {@code pool}. */
    public abstract Optional<String> pool();

    /** Any other key ({@code net0}, {@code mp0}, {@code features}...). */
    public abstract Map<String, String> options();

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }


    @Value.Check
    protected void check() {
        Violations v = Violations.of("container create request");
        vmid().ifPresent(id -> PveIds.checkVmid(v, "vmid", id));
        hostname().ifPresent(n -> PveIds.checkDnsName(v, "hostname", n));
        v.check(osTemplate().contains(":"), "osTemplate", "'" + osTemplate() + "' is not a volume id like local:vztmpl/<file>");
        memoryMb().ifPresent(m -> v.check(m >= 16, "memoryMb", m + " MiB is below Proxmox's minimum of 16"));
        storage().ifPresent(s -> PveIds.checkStorage(v, "storage", s));
        password().ifPresent(s -> v.check(s.reveal().length() >= 5, "password", "must be at least 5 characters"));
        options().keySet().forEach(k -> v.check(k.matches("[a-z][a-z0-9_\\-]*"), "options", "'" + k + "' is not a config key"));
        v.throwIfAny();
    }

    /** Builds a {@link CreateContainerRequest}. */
    public static final class Builder extends ImmutableCreateContainerRequest.Builder {}
}
