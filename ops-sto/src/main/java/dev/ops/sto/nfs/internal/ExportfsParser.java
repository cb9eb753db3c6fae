package dev.ops.sto.nfs.internal;

import dev.ops.sto.nfs.NfsClient;
import dev.ops.sto.nfs.NfsExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code exportfs -v}: one line per path and client ({@code /srv/a<TAB>host(opts)}), or, for a long
 * path, the path alone on a line and the client on the next, indented.
 */
public final class ExportfsParser {
    private ExportfsParser() {}

    /** The exports the kernel has, clients grouped per path in output order. */
    public static List<NfsExport> parse(String out) {
        Map<String, List<NfsClient>> byPath = new LinkedHashMap<>();
        String pending = null;
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String path;
            String client;
            if (Character.isWhitespace(line.charAt(0))) {
                if (pending == null) {
                    throw new IllegalArgumentException("a client line without a path in exportfs -v output: " + line);
                }
                path = pending;
                client = line.strip();
            } else {
                String[] f = line.split("\\s+", 2);
                if (f.length < 2) {
                    pending = f[0];
                    continue;
                }
                path = f[0];
                client = f[1].strip();
            }
            pending = null;
            int open = client.indexOf('(');
            String host = open < 0 ? client : client.substring(0, open);
            List<String> opts = open < 0 ? List.of() : Arrays.asList(client.substring(open + 1, client.length() - 1).split(","));
            byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(new NfsClient(host.equals("<world>") ? "*" : host, opts));
        }
        List<NfsExport> exports = new ArrayList<>();
        byPath.forEach((p, c) -> exports.add(new NfsExport(p, c, "")));
        return exports;
    }
}
