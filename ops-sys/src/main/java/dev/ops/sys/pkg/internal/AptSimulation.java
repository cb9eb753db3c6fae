package dev.ops.sys.pkg.internal;

import dev.ops.sys.pkg.PackageOperation;
import dev.ops.sys.pkg.PackageOperation.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code apt-get -s} lines that say what would happen: {@code Inst name [old] (new
 * release [arch])} and {@code Remv name [version]} ({@code Purg} likewise); {@code Conf} lines and
 * the human summary are ignored.
 */
public final class AptSimulation {
    private static final Pattern INST = Pattern.compile("^Inst (\\S+)(?: \\[([^\\]]*)\\])? \\((\\S+).*\\).*$");
    private static final Pattern REMV = Pattern.compile("^(?:Remv|Purg) (\\S+)(?: \\[([^\\]]*)\\])?.*$");

    private AptSimulation() {}

    /** The operations in apt's order; {@code requested} holds the names the caller gave (without versions). */
    public static List<PackageOperation> parse(String text, Set<String> requested) {
        List<PackageOperation> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = INST.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                String old = m.group(2) == null ? "" : m.group(2);
                out.add(new PackageOperation(old.isEmpty() ? Kind.INSTALL : Kind.REPLACE, name, m.group(3), old, isRequested(name, requested)));
                continue;
            }
            m = REMV.matcher(line);
            if (m.matches()) {
                String name = m.group(1);
                out.add(new PackageOperation(Kind.REMOVE, name, m.group(2) == null ? "" : m.group(2), "", isRequested(name, requested)));
            }
        }
        return out;
    }

    private static boolean isRequested(String name, Set<String> requested) {
        int colon = name.indexOf(':');
        return requested.contains(name) || colon > 0 && requested.contains(name.substring(0, colon));
    }
}
