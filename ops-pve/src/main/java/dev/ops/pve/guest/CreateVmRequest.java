package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A new QEMU VM ({@code POST /nodes/{node}/qemu}). Only what is set is sent; devices and other
 * settings go in {@link #options()} by their Proxmox key ({@code scsi0}, {@code net0}, {@code boot}).
 *
 * <pre>{@code
 * CreateVmRequest r = CreateVmRequest.builder().vmid(120).name("db-1").memoryMb(4096).cores(2)
 *         .putOptions("scsi0", "local-lvm:32").putOptions("net0", "virtio,bridge=vmbr0").build();
 * }</pre>
 */
@Value.Immutable
public abstract class CreateVmRequest {

    /** The VMID; allocated by {@link dev.ops.pve.PveChanges#createVm} when absent. */
    public abstract OptionalInt vmid();

    /** {@code name}; a DNS name. */
    public abstract Optional<String> name();

    /** {@code memory} in MiB. */
    public abstract OptionalInt memoryMb();

    /** {@code cores}. */
    public abstract OptionalInt cores();

    /** {@code sockets}. */
    public abstract OptionalInt sockets();

    /** {@code ostype}, e.g. {@code l26}. */
    public abstract Optional<String> osType();

    /** {@code pool}. */
    public abstract Optional<String> pool();

    /** {@code description}. */
    public abstract Optional<String> description();

    /** {@code onboot}. */
    public abstract Optional<Boolean> onBoot();

    /** {@code start}: start the VM once created. */
    public abstract Optional<Boolean> start();

    /** Any other config key and its wire value ({@code scsi0}, {@code net0}, {@code agent}...). */
    public abstract Map<String, String> options();

    /** Cloud-init settings. */
    public abstract Optional<CloudInit> cloudInit();

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
        Violations v = Violations.of("VM create request");
        vmid().ifPresent(id -> PveIds.checkVmid(v, "vmid", id));
        name().ifPresent(n -> PveIds.checkDnsName(v, "name", n));
        memoryMb().ifPresent(m -> v.check(m >= 16, "memoryMb", m + " MiB is below Proxmox's minimum of 16"));
        cores().ifPresent(c -> v.check(c >= 1 && c <= 1024, "cores", c + " is not in 1..1024"));
        sockets().ifPresent(c -> v.check(c >= 1 && c <= 4, "sockets", c + " is not in 1..4"));
        options().keySet().forEach(k -> v.check(k.matches("[a-z][a-z0-9_\\-]*"), "options", "'" + k + "' is not a config key"));
        options().keySet().forEach(k -> v.check(!Map.of("vmid", 1, "name", 1, "node", 1).containsKey(k), "options",
                "'" + k + "' has its own setter"));
        v.throwIfAny();
    }

    /** Builds a {@link CreateVmRequest}. */
    public static final class Builder extends ImmutableCreateVmRequest.Builder {}
}
