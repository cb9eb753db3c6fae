package dev.ops.pbs;

import dev.ops.core.error.Violations;
import java.util.regex.Pattern;

/** The checks of PBS's names, as its schema states them: ids, datastore names, auth ids. */
final class PbsIds {
    /** PBS's safe id: datastores, jobs, remotes, rules. */
    static final Pattern SAFE_ID = dev.ops.proxmox.internal.BackupServerNames.SAFE_ID;
    /** {@code user@realm} or {@code user@realm!token}. */
    static final Pattern AUTH_ID = dev.ops.pbs.internal.PbsParams.AUTH_ID;

    private PbsIds() {}

    static void safeId(Violations v, String field, String value) {
        v.check(value != null && SAFE_ID.matcher(value).matches() && value.length() <= 32, field,
                "'" + value + "' is not a PBS id (letters, digits, . _ -, at most 32)");
    }

    /** A job id: a safe id of 3 to 32 characters, as PBS's job id schema says. */
    static void jobId(Violations v, String value) {
        safeId(v, "id", value);
        v.check(value == null || value.length() >= 3, "id", "'" + value + "' is shorter than the 3 characters PBS needs for a job id");
    }

    static void keep(Violations v, String field, java.util.OptionalInt value) {
        value.ifPresent(n -> v.check(n >= 1, field, "is " + n + "; a keep option keeps at least 1 (leave it out to not use it)"));
    }

    static void maxDepth(Violations v, java.util.OptionalInt value) {
        value.ifPresent(n -> v.check(n >= 0 && n <= Namespace.MAX_DEPTH, "max-depth", "is " + n + "; PBS allows 0 to " + Namespace.MAX_DEPTH));
    }

    static void oneLine(Violations v, String field, java.util.Optional<String> value) {
        value.ifPresent(s -> v.check(!s.isBlank() && s.chars().noneMatch(Character::isISOControl), field, "must be one line of text"));
    }
}
