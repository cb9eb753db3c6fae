package dev.ops.pbs;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A remote PBS as wanted ({@code /config/remote}), for sync jobs: host, port, the user or token that
 * logs in there, its password or token secret (a {@link Secret}: never in a plan, log, journal or
 * error), and the certificate fingerprint to trust. PBS never shows a remote's password again, so an
 * existing remote keeps its password unless {@link #updatePassword()} says to send it.
 */
@Value.Immutable
public abstract class RemoteRequest {
    /** The remote's name. */
    public abstract String name();

    /** The host name or address. */
    public abstract String host();

    /** The port (8007 when not set). */
    public abstract OptionalInt port();

    /** Who logs in there: {@code user@realm} or {@code user@realm!token}. */
    public abstract String authId();

    /** The password or token secret. */
    public abstract Secret password();

    /** The SHA-256 fingerprint of the remote's certificate, colon-separated. */
    public abstract Optional<String> fingerprint();

    /** A comment. */
    public abstract Optional<String> comment();

    /** Whether an existing remote gets this password too (it cannot be compared, so it is not sent by default). */
    @Value.Default
    public boolean updatePassword() {
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

    @Value.Check
    protected void check() {
        Violations v = Violations.of("remote");
        PbsIds.safeId(v, "name", name());
        v.check(host().matches("[A-Za-z0-9.:\\-\\[\\]]+"), "host", "'" + host() + "' is not a host name or address");
        port().ifPresent(p -> v.check(p >= 1 && p <= 65535, "port", "is " + p + "; 1 to 65535"));
        v.check(PbsIds.AUTH_ID.matcher(authId()).matches(), "auth-id", "'" + authId() + "' is not user@realm or user@realm!token");
        fingerprint().ifPresent(f -> v.check(dev.ops.proxmox.internal.BackupServerNames.FINGERPRINT.matcher(f).matches(), "fingerprint",
                "'" + f + "' is not a SHA-256 fingerprint (32 hex pairs separated by colons)"));
        PbsIds.oneLine(v, "comment", comment());
        v.throwIfAny();
    }

    @Override
    public String toString() {
        return "RemoteRequest[" + name() + " " + authId() + "@" + host() + ", password ***]";
    }

    /** Builds a {@link RemoteRequest}. */
    public static final class Builder extends ImmutableRemoteRequest.Builder {}
}
