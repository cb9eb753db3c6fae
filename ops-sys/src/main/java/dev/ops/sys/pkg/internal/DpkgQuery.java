package dev.ops.sys.pkg.internal;

import dev.ops.sys.pkg.InstalledPackage;
import java.util.ArrayList;
import java.util.List;

/** The {@code dpkg-query -W} format ops uses, and its parser. */
public final class DpkgQuery {
    /** One tab-separated line per package: name, version, architecture, status (want, error flag, status). */
    public static final String FORMAT = "${Package}\\t${Version}\\t${Architecture}\\t${Status}\\n";

    private DpkgQuery() {}

    /** Parses the output of {@code dpkg-query -W -f=FORMAT}; malformed lines are skipped. */
    public static List<InstalledPackage> parse(String text) {
        List<InstalledPackage> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length < 4 || f[0].isEmpty()) {
                continue;
            }
            String[] status = f[3].trim().split("\\s+");
            if (status.length < 3) {
                continue;
            }
            out.add(new InstalledPackage(f[0], f[1], f[2], status[0], status[2]));
        }
        return out;
    }

    /** One line of output for a package, as dpkg-query would print it (for tests and fakes). */
    public static String render(InstalledPackage p) {
        return p.name() + "\t" + p.version() + "\t" + p.architecture() + "\t" + p.want() + " ok " + p.status() + "\n";
    }
}
