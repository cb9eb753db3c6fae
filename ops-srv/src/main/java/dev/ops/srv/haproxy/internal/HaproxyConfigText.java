package dev.ops.srv.haproxy.internal;

import dev.ops.core.error.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Edits one {@code server} line of a backend in HAProxy's configuration text, keeping every other
 * byte (indentation, comments, other lines) as it was.
 */
public final class HaproxyConfigText {
    /** The keywords that start a section; a section ends where the next begins. */
    private static final Set<String> SECTIONS = Set.of("global", "defaults", "frontend", "backend", "listen", "peers", "resolvers",
            "userlist", "program", "mailers", "cache", "ring", "http-errors", "crt-store", "traces", "log-forward", "fcgi-app");

    private HaproxyConfigText() {}

    /**
     * {@code text} with {@code server} of {@code backend} (a {@code backend} or {@code listen} section)
     * given {@code weight} (when not negative) and {@code disabled} or not (when {@code disabled} is not null).
     */
    public static String edit(String text, String backend, String server, int weight, Boolean disabled) {
        String[] lines = text.split("\n", -1);
        boolean inBackend = false;
        boolean sawBackend = false;
        for (int i = 0; i < lines.length; i++) {
            List<String> words = words(lines[i]);
            if (!words.isEmpty() && SECTIONS.contains(words.get(0))) {
                inBackend = (words.get(0).equals("backend") || words.get(0).equals("listen")) && words.size() > 1 && words.get(1).equals(backend);
                sawBackend |= inBackend;
                continue;
            }
            if (inBackend && words.size() > 1 && words.get(0).equals("server") && words.get(1).equals(server)) {
                lines[i] = editLine(lines[i], weight, disabled);
                return String.join("\n", lines);
            }
        }
        throw new NotFoundException(sawBackend ? "server " + backend + "/" + server : "backend " + backend,
                sawBackend ? "backend " + backend + " of the configuration has no server " + server : "the configuration has no backend " + backend);
    }

    /**
     * {@code text} with the {@code server} lines of {@code backend} replaced by {@code servers} (each a
     * line without indentation), where the first of them was, or at the end of the section.
     */
    public static String replaceServers(String text, String backend, List<String> servers) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = -1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = words(lines.get(i));
            if (!words.isEmpty() && SECTIONS.contains(words.get(0))) {
                if (start >= 0) {
                    end = i;
                    break;
                }
                if ((words.get(0).equals("backend") || words.get(0).equals("listen")) && words.size() > 1 && words.get(1).equals(backend)) {
                    start = i;
                }
            }
        }
        if (start < 0) {
            throw new NotFoundException("backend " + backend, "the configuration has no backend " + backend);
        }
        int at = -1;
        String indent = "    ";
        for (int i = end - 1; i > start; i--) {
            List<String> words = words(lines.get(i));
            if (!words.isEmpty() && words.get(0).equals("server")) {
                String l = lines.get(i);
                indent = l.substring(0, l.length() - l.stripLeading().length());
                lines.remove(i);
                end--;
                at = i;
            }
        }
        if (at < 0) {
            at = end;
            while (at - 1 > start && lines.get(at - 1).isBlank()) {
                at--;
            }
        }
        String in = indent;
        lines.addAll(at, servers.stream().map(s -> in + s).toList());
        return String.join("\n", lines);
    }

    private static List<String> words(String line) {
        String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        List<String> out = new ArrayList<>();
        for (String w : code.strip().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String editLine(String line, int weight, Boolean disabled) {
        int hash = line.indexOf('#');
        String code = hash < 0 ? line : line.substring(0, hash);
        String comment = hash < 0 ? "" : line.substring(hash);
        String indent = code.substring(0, code.length() - code.stripLeading().length());
        String trailing = code.substring(code.stripTrailing().length());
        List<String> words = new ArrayList<>(List.of(code.strip().split("\\s+")));
        if (weight >= 0) {
            int at = words.indexOf("weight");
            if (at >= 0 && at + 1 < words.size()) {
                words.set(at + 1, Integer.toString(weight));
            } else {
                words.add("weight");
                words.add(Integer.toString(weight));
            }
        }
        if (disabled != null) {
            words.remove("disabled");
            words.remove("enabled");
            if (disabled) {
                words.add("disabled");
            }
        }
        return indent + String.join(" ", words) + (comment.isEmpty() ? "" : trailing.isEmpty() ? " " : trailing) + comment;
    }
}
