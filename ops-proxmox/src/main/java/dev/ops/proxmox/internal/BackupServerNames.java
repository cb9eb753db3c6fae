package dev.ops.proxmox.internal;

import java.util.regex.Pattern;

/**
 * The shapes of Proxmox Backup Server names as its schema states them, for ops-pve's PBS storages
 * and ops-pbs alike: safe ids (datastores, jobs, remotes, namespace levels), auth ids and
 * certificate fingerprints.
 */
public final class BackupServerNames {
    /** PBS's safe id. */
    public static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._\\-]*");
    /** {@code user@realm} or {@code user@realm!token}. */
    public static final Pattern AUTH_ID = Pattern.compile("[^\\s:/\\p{Cntrl}]+@[A-Za-z0-9_][A-Za-z0-9._\\-]*(![A-Za-z0-9_][A-Za-z0-9._\\-]*)?");
    /** A SHA-256 certificate fingerprint: 32 hex pairs separated by colons. */
    public static final Pattern FINGERPRINT = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){31}");

    private BackupServerNames() {}
}
