package dev.ops.sto.nfs.internal;

import dev.ops.sto.nfs.ExportsSyntaxException;
import dev.ops.sto.nfs.NfsClient;
import dev.ops.sto.nfs.NfsExport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An exports file as lines, with the exports parsed out of them: editing one export replaces only
 * its own lines, so comments, blank lines and other exports stay byte for byte.
 */
public final class ExportsFile {
    private final String file;
    private final List<String> lines;
    private final List<Entry> entries;

    /** One export and the physical lines (first inclusive, last exclusive) it spans. */
    private record Entry(NfsExport export, int first, int last) {}

    private ExportsFile(String file, List<String> lines, List<Entry> entries) {
        this.file = file;
        this.lines = lines;
        this.entries = entries;
    }

    /** Parses {@code text}, the content of {@code file}; a line exportfs would misread is an {@link ExportsSyntaxException}. */
    public static ExportsFile parse(String file, String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int first = i;
            StringBuilder logical = new StringBuilder(lines.get(i));
            while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                logical.setLength(logical.length() - 1);
                logical.append(' ').append(lines.get(++i));
            }
            i++;
            NfsExport e = parseLine(file, first + 1, logical.toString());
            if (e != null) {
                entries.add(new Entry(e, first, i));
            }
        }
        return new ExportsFile(file, lines, entries);
    }

    private static NfsExport parseLine(String file, int lineNo, String line) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                if (cur == null) {
                    cur = new StringBuilder();
                }
            } else if (c == '#' && cur == null) {
                break;
            } else if (c == ' ' || c == '\t') {
                if (cur != null) {
                    tokens.add(cur.toString());
                    cur = null;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                cur.append(c);
            }
        }
        if (quoted) {
            throw new ExportsSyntaxException(file, lineNo, "an unterminated quote");
        }
        if (cur != null) {
            tokens.add(cur.toString());
        }
        if (tokens.isEmpty()) {
            return null;
        }
        String path = dev.ops.core.text.OctalEscapes.decode(tokens.get(0));
        List<NfsClient> clients = new ArrayList<>();
        for (String t : tokens.subList(1, tokens.size())) {
            if (t.startsWith("(")) {
                throw new ExportsSyntaxException(file, lineNo, "a space before '" + t + "' exports " + path
                        + " to the world with those options; write the client and its options without a space, e.g. host" + t);
            }
            int open = t.indexOf('(');
            if (open < 0) {
                clients.add(new NfsClient(t, List.of()));
            } else {
                if (!t.endsWith(")") || t.indexOf('(', open + 1) >= 0) {
                    throw new ExportsSyntaxException(file, lineNo, "'" + t + "' is not client(options)");
                }
                String opts = t.substring(open + 1, t.length() - 1);
                clients.add(new NfsClient(t.substring(0, open), opts.isEmpty() ? List.of() : Arrays.asList(opts.split(","))));
            }
        }
        return new NfsExport(path, clients, file);
    }

    /** The exports, in file order. */
    public List<NfsExport> exports() {
        return entries.stream().map(Entry::export).toList();
    }

    /** The file with the export of {@code export.path()} replaced by {@code export} where the first one was (appended when there is none). */
    public String with(NfsExport export) {
        List<String> out = new ArrayList<>(lines);
        int at = -1;
        for (int k = entries.size() - 1; k >= 0; k--) {
            Entry e = entries.get(k);
            if (e.export().path().equals(export.path())) {
                out.subList(e.first(), e.last()).clear();
                at = e.first();
            }
        }
        if (at < 0) {
            out.add(export.render());
        } else {
            out.add(at, export.render());
        }
        return join(out);
    }

    /** The file without any export of {@code path}. */
    public String without(String path) {
        List<String> out = new ArrayList<>(lines);
        for (int k = entries.size() - 1; k >= 0; k--) {
            Entry e = entries.get(k);
            if (e.export().path().equals(path)) {
                out.subList(e.first(), e.last()).clear();
            }
        }
        return join(out);
    }

    private static String join(List<String> lines) {
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    /** The file's name. */
    public String file() {
        return file;
    }
}
