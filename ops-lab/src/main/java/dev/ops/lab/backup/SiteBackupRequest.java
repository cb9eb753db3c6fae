package dev.ops.lab.backup;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Objects;

/**
 * A backup of a site guest: the site storage role it goes to ({@code backup} unless said; the site's
 * {@code storages} section maps it to a storage) and the vzdump mode ({@code snapshot} unless said).
 *
 * <pre>{@code
 * SiteBackupRequest r = SiteBackupRequest.builder().mode("stop").build();
 * }</pre>
 */
public final class SiteBackupRequest {
    /** The vzdump modes. */
    public static final List<String> MODES = List.of("snapshot", "suspend", "stop");

    private final String storageRole;
    private final String mode;

    private SiteBackupRequest(Builder b) {
        this.storageRole = b.storageRole;
        this.mode = b.mode;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The site storage role the backup goes to. */
    public String storageRole() {
        return storageRole;
    }

    /** The vzdump mode: snapshot, suspend or stop. */
    public String mode() {
        return mode;
    }

    /** Builds a {@link SiteBackupRequest}. */
    public static final class Builder {
        private String storageRole = "backup";
        private String mode = "snapshot";

        private Builder() {}

        /** The site storage role ({@code backup} unless said). */
        public Builder storageRole(String role) {
            this.storageRole = Objects.requireNonNull(role, "role");
            return this;
        }

        /** The vzdump mode ({@code snapshot} unless said). */
        public Builder mode(String mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The request; a {@link dev.ops.core.error.ValidationException} listing every problem. */
        public SiteBackupRequest build() {
            Violations v = Violations.of("backup request");
            v.check(MODES.contains(mode), "mode", "'" + mode + "' must be snapshot, suspend or stop");
            v.checkText(storageRole, "storageRole", r -> r.matches("[A-Za-z0-9_-]+"), "must be a storage role of the site");
            v.throwIfAny();
            return new SiteBackupRequest(this);
        }
    }
}
