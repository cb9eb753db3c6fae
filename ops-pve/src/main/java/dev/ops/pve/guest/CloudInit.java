package dev.ops.pve.guest;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Cloud-init settings of a VM, sent on create and applied right after a clone: user, password, SSH
 * keys (sent in the double URL-encoding Proxmox expects), {@code ipconfigN}, DNS.
 *
 * <pre>{@code
 * CloudInit ci = CloudInit.builder().user("ops").addSshKeys("ssh-ed25519 AAAA... ops@lab")
 *         .putIpConfigs(0, "ip=192.168.2.50/24,gw=192.168.2.1").build();
 * }</pre>
 */
@Value.Immutable
public abstract class CloudInit {

    /** {@code ciuser}. */
    public abstract Optional<String> user();

    /** {@code cipassword}; masked in every rendering. */
    public abstract Optional<Secret> password();

    /** {@code sshkeys}: public keys, one per entry. */
    public abstract List<String> sshKeys();

    /** {@code ipconfigN} by interface index N (0 to 31), e.g. {@code ip=dhcp} or {@code ip=10.0.0.5/24,gw=10.0.0.1}. */
    public abstract Map<Integer, String> ipConfigs();

    /** {@code nameserver}. */
    public abstract Optional<String> nameserver();

    /** {@code searchdomain}. */
    public abstract Optional<String> searchDomain();

    /** {@code ciupgrade}: whether to upgrade packages on first boot. */
    public abstract Optional<Boolean> upgrade();

    /** {@code citype}: {@code nocloud}, {@code configdrive2} or {@code opennebula}. */
    public abstract Optional<String> type();

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
        Violations v = Violations.of("cloud-init settings");
        ipConfigs().keySet().forEach(i -> v.check(i >= 0 && i <= 31, "ipConfigs", "interface index " + i + " is not in 0..31"));
        ipConfigs().forEach((i, c) -> v.check(!c.isBlank() && !c.contains(" "), "ipconfig" + i, "'" + c + "' is not an ipconfig value like ip=dhcp"));
        sshKeys().forEach(k -> v.check(k.matches("^(ssh-|ecdsa-|sk-)\\S+ \\S+.*") && !k.contains("\n"), "sshKeys",
                "'" + (k.length() > 30 ? k.substring(0, 30) + "..." : k) + "' is not one OpenSSH public key line"));
        type().ifPresent(t -> v.check(List.of("nocloud", "configdrive2", "opennebula").contains(t), "type",
                "'" + t + "' must be nocloud, configdrive2 or opennebula"));
        user().ifPresent(u -> v.check(!u.isBlank() && !u.contains(" "), "user", "'" + u + "' is not a user name"));
        v.throwIfAny();
    }

    /** Builds {@link CloudInit} settings. */
    public static final class Builder extends ImmutableCloudInit.Builder {}
}
