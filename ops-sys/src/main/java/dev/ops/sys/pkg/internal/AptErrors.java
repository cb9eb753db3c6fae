package dev.ops.sys.pkg.internal;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.host.CommandResult;
import dev.ops.sys.pkg.PackageManagerLockedException;
import dev.ops.sys.pkg.UnknownPackageException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns apt and dpkg error messages (C locale) into typed exceptions. */
public final class AptErrors {
    private static final Pattern APT_LOCK = Pattern.compile("Could not get lock (\\S+?)\\.? (?:It is held by process (\\d+))?");
    private static final Pattern DPKG_LOCK = Pattern.compile("dpkg (?:frontend lock|status database) (?:was|is) locked by another process(?: with pid (\\d+))?");
    private static final Pattern UNKNOWN = Pattern.compile("E: Unable to locate package (\\S+)");
    private static final Pattern NO_VERSION = Pattern.compile("E: Version '([^']*)' for '([^']*)' was not found");
    private static final Pattern NO_CANDIDATE = Pattern.compile("E: Package '([^']*)' has no installation candidate");

    private AptErrors() {}

    /** Throws {@link PackageManagerLockedException} when the failure was a held lock. */
    public static void throwIfLocked(String host, CommandResult r) {
        String err = r.stderrText() + "\n" + r.stdoutText();
        if (r.exitCode() == AptAction.LOCKED_EXIT && err.contains("is flock-ed by another process")) {
            throw new PackageManagerLockedException(host, AptAction.FRONTEND_LOCK, 0, "flock");
        }
        Matcher m = APT_LOCK.matcher(err);
        if (m.find()) {
            throw new PackageManagerLockedException(host, m.group(1), m.group(2) == null ? 0 : AsciiNumbers.parseLong(m.group(2)), "");
        }
        m = DPKG_LOCK.matcher(err);
        if (m.find()) {
            throw new PackageManagerLockedException(host, AptAction.FRONTEND_LOCK, m.group(1) == null ? 0 : AsciiNumbers.parseLong(m.group(1)), "dpkg");
        }
    }

    /** Throws {@link UnknownPackageException} naming every package apt could not find. */
    public static void throwIfUnknown(String host, CommandResult r) {
        String err = r.stderrText() + "\n" + r.stdoutText();
        List<String> unknown = new ArrayList<>();
        Matcher m = UNKNOWN.matcher(err);
        while (m.find()) {
            unknown.add(m.group(1));
        }
        m = NO_VERSION.matcher(err);
        while (m.find()) {
            unknown.add(m.group(2) + "=" + m.group(1));
        }
        m = NO_CANDIDATE.matcher(err);
        while (m.find()) {
            unknown.add(m.group(1));
        }
        if (!unknown.isEmpty()) {
            throw new UnknownPackageException(host, unknown, "no configured source has them (after apt-get update?)");
        }
    }
}
