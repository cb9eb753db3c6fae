package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.proxmox.internal.Params;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A config change of a guest: keys to set, keys to remove (sent as Proxmox's {@code delete}), and
 * the config {@code digest} it was computed against, so that a concurrent change makes Proxmox
 * refuse it instead of silently overwriting. Only what is set here is sent: a Proxmox default is
 * never overwritten by a Java default.
 *
 * <pre>{@code
 * ConfigUpdate u = ConfigUpdate.builder().memoryMb(4096).cores(2).remove("serial0").digest(cfg.digest()).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ConfigUpdate {

    /** Keys to set, as wire strings ({@code memory=4096}, {@code net0=virtio,bridge=vmbr0}). */
    public abstract Map<String, String> values();

    /** Keys to remove. */
    public abstract Set<String> delete();

    /** The digest of the config this update was computed against. */
    public abstract Optional<String> digest();

    /**
     * Send the update as a task ({@code POST .../config}, VMs only) and wait for it, instead of the
     * synchronous {@code PUT}: for changes that take long (hotplugging memory or disks), which a
     * {@code PUT} would time out on.
     */
    @org.immutables.value.Value.Default
    public boolean async() {
        return false;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Whether the update changes nothing. */
    public boolean isEmpty() {
        return values().isEmpty() && delete().isEmpty();
    }


    @Value.Check
    protected void check() {
        Violations v = Violations.of("config update");
        values().keySet().forEach(k -> v.check(k.matches("[a-z][a-z0-9_\\-]*"), "values", "'" + k + "' is not a config key"));
        delete().forEach(k -> v.check(k.matches("[a-z][a-z0-9_\\-]*"), "delete", "'" + k + "' is not a config key"));
        delete().forEach(k -> v.check(!values().containsKey(k), "delete", "'" + k + "' is both set and removed"));
        values().forEach((k, val) -> v.check(!val.contains("\n") || k.equals("description"), k, "must be one line"));
        Set.of("digest", "delete", "node", "vmid", "revert").forEach(k -> v.check(!values().containsKey(k), "values",
                "'" + k + "' is not a config key (use the builder's digest/remove)"));
        digest().ifPresent(d -> v.check(d.matches("[0-9a-fA-F]{1,40}"), "digest", "'" + d + "' is not a config digest"));
        if (values().containsKey("name")) {
            dev.ops.pve.PveIds.checkDnsName(v, "name", values().get("name"));
        }
        if (values().containsKey("hostname")) {
            dev.ops.pve.PveIds.checkDnsName(v, "hostname", values().get("hostname"));
        }
        v.throwIfAny();
    }

    /** Builds a {@link ConfigUpdate}. */
    public static final class Builder extends ImmutableConfigUpdate.Builder {

        /** Sets {@code key} to {@code value} (booleans as 0/1). */
        public Builder set(String key, Object value) {
            putValues(key, Params.wire(value));
            return this;
        }

        /** Removes these keys (Proxmox's {@code delete}). */
        public Builder remove(String... keys) {
            addDelete(keys);
            return this;
        }

        /** {@code memory} in MiB. */
        public Builder memoryMb(int mb) {
            return set("memory", mb);
        }

        /** {@code cores}. */
        public Builder cores(int cores) {
            return set("cores", cores);
        }

        /** {@code onboot}. */
        public Builder onBoot(boolean onBoot) {
            return set("onboot", onBoot);
        }

        /** {@code description}. */
        public Builder description(String text) {
            return set("description", text);
        }

        /** {@code tags}, joined with ';'. */
        public Builder tags(String... tags) {
            return set("tags", String.join(";", tags));
        }

        /** Every cloud-init setting given (VMs only). */
        public Builder cloudInit(CloudInit ci) {
            dev.ops.pve.internal.Wire.cloudInit(ci).forEach(this::set);
            return this;
        }
    }
}
