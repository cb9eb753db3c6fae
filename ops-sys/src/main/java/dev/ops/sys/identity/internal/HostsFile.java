package dev.ops.sys.identity.internal;

import java.util.ArrayList;
import java.util.List;

/** Renames a host in /etc/hosts text: the name as an alias, and {@code name.domain} forms, on non-comment lines. */
final class HostsFile {
    private HostsFile() {}

    static String rename(String text, String oldName, String newName) {
        String[] lines = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int hash = line.indexOf('#');
            String body = hash < 0 ? line : line.substring(0, hash);
            String comment = hash < 0 ? "" : line.substring(hash);
            String[] tokens = body.split("(?<=\\s)|(?=\\s)");
            StringBuilder b = new StringBuilder();
            boolean first = true;
            for (String t : tokens) {
                if (t.isBlank()) {
                    b.append(t);
                    continue;
                }
                if (!first && t.equals(oldName)) {
                    b.append(newName);
                } else if (!first && t.startsWith(oldName + ".") && !newName.contains(".")) {
                    b.append(newName).append(t.substring(oldName.length()));
                } else {
                    b.append(t);
                }
                first = false;
            }
            out.add(b + comment);
        }
        return String.join("\n", out);
    }

    static String diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                d.append("- ").append(a[i]).append("\n+ ").append(b[i]).append('\n');
            }
        }
        return d.toString().stripTrailing();
    }
}
