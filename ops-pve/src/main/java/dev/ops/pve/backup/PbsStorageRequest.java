package dev.ops.pve.backup;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveIds;
import dev.ops.proxmox.internal.BackupServerNames;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A Proxmox Backup Server storage as wanted on the cluster ({@code POST /storage}, type {@code pbs}):
 * the server, its datastore and namespace, the user or token that logs in and its password (a
 * {@link Secret}, never in a plan, log, journal or error), and the server's certificate fingerprint.
 */
@Value.Immutable
public abstract class PbsStorageRequest {
    /** The storage id on the cluster, e.g. {@code pbs}. */
    public abstract String storage();

    /** The PBS host name or address. */
    public abstract String server();

    /** The PBS API port (8007 when not set). */
    public abstract OptionalInt port();

    /** The datastore on the PBS. */
    public abstract String datastore();

    /** The namespace in the datastore (the root when not set), e.g. {@code prod/db}. */
    public abstract Optional<String> namespace();

    /** Who logs in: {@code user@realm} or {@code user@realm!token}. */
    public abstract String username();

    /** The password or token secret. */
    public abstract Secret password();

    /** The SHA-256 fingerprint of the PBS certificate (colon-separated), to trust it without a CA. */
    public abstract Optional<String> fingerprint();

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
        Violations v = Violations.of("PBS storage");
        PveIds.checkStorage(v, "storage", storage());
        v.check(server().matches("[A-Za-z0-9.:\\-\\[\\]]+"), "server", "'" + server() + "' is not a host name or address");
        port().ifPresent(p -> v.check(p >= 1 && p <= 65535, "port", "is " + p + "; 1 to 65535"));
        v.check(BackupServerNames.SAFE_ID.matcher(datastore()).matches(), "datastore", "'" + datastore() + "' is not a PBS datastore name");
        namespace().ifPresent(ns -> {
            String[] names = ns.split("/", -1);
            v.check(names.length <= 7, "namespace", "'" + ns + "' is " + names.length + " levels deep; PBS allows 7");
            for (String n : names) {
                v.check(BackupServerNames.SAFE_ID.matcher(n).matches(), "namespace", "'" + ns + "' is not a PBS namespace");
            }
        });
        v.check(BackupServerNames.AUTH_ID.matcher(username()).matches(), "username",
                "'" + username() + "' is not user@realm or user@realm!token");
        fingerprint().ifPresent(f -> v.check(BackupServerNames.FINGERPRINT.matcher(f).matches(), "fingerprint",
                "is not a SHA-256 fingerprint (32 hex pairs separated by colons)"));
        v.throwIfAny();
    }

    @Override
    public String toString() {
        return "PbsStorageRequest[" + storage() + " " + username() + "@" + server() + ":" + datastore() + namespace().map(n -> "/" + n).orElse("")
                + ", password ***]";
    }

    /** Builds a {@link PbsStorageRequest}. */
    public static final class Builder extends ImmutablePbsStorageRequest.Builder {}
}
