package dev.ops.srv.unit;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.regex.Pattern;

/** What a systemd unit name may be: {@code name[@instance].suffix}, no spaces or path separators. */
public final class UnitNames {
    /** The unit types ops knows by their suffix. */
    public static final List<String> SUFFIXES = List.of(".service", ".socket", ".timer", ".target", ".path", ".mount", ".slice");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9:_.\\\\@-]+");

    private UnitNames() {}

    /** Whether {@code name} is a unit name with a known suffix. */
    public static boolean valid(String name) {
        return name != null && name.length() <= 255 && NAME.matcher(name).matches() && !name.startsWith(".")
                && SUFFIXES.stream().anyMatch(s -> name.endsWith(s) && name.length() > s.length());
    }

    /** Adds a violation on {@code field} when {@code name} is not a valid unit name. */
    public static void check(Violations v, String field, String name) {
        v.check(valid(name), field, "'" + name + "' is not a unit name (letters, digits, ':', '_', '.', '@', '-', ending in one of "
                + String.join(" ", SUFFIXES) + "; no spaces or '/')");
    }
}
