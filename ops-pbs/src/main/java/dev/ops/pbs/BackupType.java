package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.Locale;

/** What a backup group holds: a VM, a container, or a host's files ({@code vm}, {@code ct}, {@code host}). */
public enum BackupType {
    /** A QEMU virtual machine. */
    VM,
    /** An LXC container. */
    CT,
    /** A host (file-level backups by proxmox-backup-client). */
    HOST;

    private final String wire = name().toLowerCase(Locale.ROOT);

    /** The wire name: {@code vm}, {@code ct} or {@code host}. */
    public String wire() {
        return wire;
    }

    /** The type of a wire name; any other is a {@link dev.ops.core.error.ValidationException} naming {@code backup-type}. */
    public static BackupType parse(String wire) {
        if (wire != null) {
            switch (wire) {
                case "vm" -> {
                    return VM;
                }
                case "ct" -> {
                    return CT;
                }
                case "host" -> {
                    return HOST;
                }
                default -> {
                    // not a type: refused below
                }
            }
        }
        Violations.of("backup type").add("backup-type", "'" + wire + "' is not one of vm, ct, host").throwIfAny();
        throw new IllegalStateException("unreachable");
    }
}
