package dev.ops.net.ifupdown;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.text.RawText;
import dev.ops.net.ifupdown.internal.UnifiedDiff;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code /etc/network/interfaces} as ifupdown2 (and Proxmox VE) write it, as a typed model that
 * renders back byte-identical when unedited, and changes only the lines an edit touches.
 *
 * <pre>{@code
 * InterfacesFile f = InterfacesFile.parse(text);
 * InterfacesFile g = f.edit("vmbr0", i -> i.withMtu(9000)).withIface(Iface.of("vmbr1", "inet", "manual")
 *         .withBridgePorts("eno2").with("bridge-stp", "off").with("bridge-fd", "0"), true);
 * String diff = f.diff(g);
 * }</pre>
 *
 * <p>A file ends its lines with CR LF when every line of the parsed text did; lines added or
 * changed by an edit then end with CR LF too, so that a file never comes out with mixed endings.
 * Files may hold bytes that are not UTF-8 (a Latin-1 comment): {@link #parse(byte[])} and
 * {@link #toBytes()} keep every byte of the lines an edit does not touch.
 *
 * @param entries the top-level lines and stanzas, in file order
 * @param finalNewline whether the text ends with a newline
 * @param crlf whether lines end with CR LF (the carriage returns of parsed lines are part of their raw text)
 */
public record InterfacesFile(List<Entry> entries, boolean finalNewline, boolean crlf) {
    private static final java.util.regex.Pattern WS = java.util.regex.Pattern.compile("\\s+");
    private static final Set<String> STANZAS = Set.of("iface", "auto", "source", "source-directory", "mapping");

    public InterfacesFile {
        entries = List.copyOf(entries);
        finalNewline = finalNewline || entries.isEmpty();
    }

    /** A file whose lines end with LF. */
    public InterfacesFile(List<Entry> entries, boolean finalNewline) {
        this(entries, finalNewline, false);
    }

    /** Parses the bytes of a file, whatever their encoding: {@link #toBytes()} gives them back unchanged where nothing was edited. */
    public static InterfacesFile parse(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return parse(RawText.decode(bytes));
    }

    /** A file with no lines. */
    public static InterfacesFile empty() {
        return new InterfacesFile(List.of(), true, false);
    }

    /**
     * Parses the text; every problem is reported at once in a {@link ValidationException} whose
     * fields are {@code line N}. Nothing is dropped: unknown options are kept, unknown stanzas fail.
     */
    public static InterfacesFile parse(String text) {
        Objects.requireNonNull(text, "text");
        Violations v = Violations.of("interfaces file");
        boolean finalNewline = text.endsWith("\n");
        String body = finalNewline ? text.substring(0, text.length() - 1) : text;
        String[] lines = text.isEmpty() ? new String[0] : body.split("\n", -1);
        List<Entry> entries = new ArrayList<>();
        Map<IfaceOption, Integer> optionLines = new IdentityHashMap<>();
        Map<Iface, Integer> ifaceLines = new IdentityHashMap<>();
        // the stanza being read: header, body lines, and comments not yet known to be inside it
        String header = null;
        int headerLine = 0;
        String[] headerWords = null;
        List<IfaceLine> ifaceBody = new ArrayList<>();
        List<Comment> pending = new ArrayList<>();
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            String trimmed = line == null ? "" : line.strip();
            boolean comment = line != null && (trimmed.isEmpty() || trimmed.startsWith("#"));
            if (comment) {
                if (header != null) {
                    pending.add(new Comment(line));
                } else {
                    entries.add(new Comment(line));
                }
                continue;
            }
            String[] words = WS.split(trimmed);
            boolean stanzaStart = line == null || STANZAS.contains(words[0]) || words[0].startsWith("allow-");
            if (header != null && stanzaStart) {
                Iface iface = new Iface(headerWords[1], headerWords[2], headerWords[3], ifaceBody, header);
                entries.add(iface);
                ifaceLines.put(iface, headerLine);
                entries.addAll(pending);
                header = null;
                ifaceBody = new ArrayList<>();
                pending = new ArrayList<>();
            }
            if (line == null) {
                break;
            }
            int n = i + 1;
            String at = "line " + n;
            if (trimmed.endsWith("\\")) {
                v.add(at, "line continuations ('\\' at the end) are not supported");
                continue;
            }
            if (!stanzaStart) {
                if (header == null) {
                    v.add(at, "'" + words[0] + "' is neither a stanza keyword (iface, auto, allow-*, source) nor inside an iface stanza");
                    continue;
                }
                ifaceBody.addAll(pending);
                pending.clear();
                String key = words[0];
                String value = trimmed.substring(key.length()).strip();
                IfaceOption option = new IfaceOption(key, value, line);
                optionLines.put(option, n);
                ifaceBody.add(option);
                continue;
            }
            switch (words[0]) {
                case "iface" -> {
                    if (words.length != 4) {
                        v.add(at, "iface needs NAME FAMILY METHOD, got '" + trimmed + "'");
                        // read its options anyway, so that one bad header gives one error
                        header = line;
                        headerLine = n;
                        headerWords = new String[] {"iface", words.length > 1 ? words[1] : "?", "inet", "manual"};
                    } else {
                        header = line;
                        headerLine = n;
                        headerWords = words;
                    }
                }
                case "auto" -> entries.add(autoLine(words, line, v, at));
                case "source", "source-directory" -> {
                    if (words.length != 2) {
                        v.add(at, words[0] + " needs exactly one path");
                    } else {
                        entries.add(new SourceLine(words[0], words[1], line));
                    }
                }
                case "mapping" -> v.add(at, "mapping stanzas are not supported");
                default -> entries.add(autoLine(words, line, v, at));
            }
        }
        for (Entry e : entries) {
            if (e instanceof Iface iface) {
                int hl = ifaceLines.getOrDefault(iface, -1);
                iface.validate(v, "line " + hl, o -> optionLines.getOrDefault(o, -1));
            }
        }
        v.throwIfAny();
        return new InterfacesFile(entries, finalNewline, RawText.usesCrlf(text));
    }

    private static AutoLine autoLine(String[] words, String line, Violations v, String at) {
        if (words.length < 2) {
            v.add(at, words[0] + " names no interface");
        }
        List<String> names = new ArrayList<>();
        for (int k = 1; k < words.length; k++) {
            names.add(words[k]);
        }
        return new AutoLine(words[0], names, line);
    }

    /** The text: byte-identical to the parsed text where nothing was edited. */
    public String render() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(entries.get(i).render());
        }
        if (finalNewline && !entries.isEmpty()) {
            sb.append('\n');
        }
        return crlf ? RawText.toCrlf(sb.toString()) : sb.toString();
    }

    /** The bytes of the file: those it was parsed from where nothing was edited, UTF-8 for text made in code. */
    public byte[] toBytes() {
        return RawText.encode(render());
    }

    /** Every problem of the model (as edited in code), with fields {@code iface NAME}; empty when valid. */
    public Violations violations() {
        Violations v = Violations.of("interfaces file");
        for (Iface i : ifaces()) {
            i.validate(v, "iface " + i.name(), o -> -1);
        }
        for (Entry e : entries) {
            if (e instanceof AutoLine a) {
                v.check(!a.names().isEmpty(), a.keyword(), "names no interface");
            }
        }
        return v;
    }

    /** Throws a {@link ValidationException} listing every problem of the model, if any. */
    public InterfacesFile validated() {
        violations().throwIfAny();
        return this;
    }

    /** The iface stanzas, in order. */
    public List<Iface> ifaces() {
        return entries.stream().filter(Iface.class::isInstance).map(Iface.class::cast).toList();
    }

    /** The first stanza of {@code name} ({@code inet} before {@code inet6} when both exist). */
    public Optional<Iface> iface(String name) {
        return iface(name, "inet").or(() -> ifaces().stream().filter(i -> i.name().equals(name)).findFirst());
    }

    /** The stanza of {@code name} and {@code family}. */
    public Optional<Iface> iface(String name, String family) {
        return ifaces().stream().filter(i -> i.name().equals(name) && i.family().equals(family)).findFirst();
    }

    /** The names on {@code auto} lines. */
    public Set<String> autoNames() {
        return names("auto");
    }

    /** The names on {@code allow-hotplug} lines. */
    public Set<String> hotplugNames() {
        return names("allow-hotplug");
    }

    private Set<String> names(String keyword) {
        Set<String> out = new LinkedHashSet<>();
        entries.stream().filter(e -> e instanceof AutoLine a && a.keyword().equals(keyword)).forEach(e -> out.addAll(((AutoLine) e).names()));
        return out;
    }

    /** The {@code source} lines. */
    public List<SourceLine> sources() {
        return entries.stream().filter(SourceLine.class::isInstance).map(SourceLine.class::cast).toList();
    }

    /** A copy with the stanza of {@code name} (its first family) changed by {@code edit}; a {@code NotFoundException} when missing. */
    public InterfacesFile edit(String name, UnaryOperator<Iface> edit) {
        Iface old = iface(name).orElseThrow(() -> new dev.ops.core.error.NotFoundException("iface " + name, "not in the interfaces file"));
        return replace(old, edit.apply(old));
    }

    private InterfacesFile replace(Iface old, Iface updated) {
        List<Entry> out = new ArrayList<>(entries);
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == old) {
                out.set(i, updated);
                break;
            }
        }
        return new InterfacesFile(out, finalNewline, crlf);
    }

    /**
     * A copy with {@code iface} in place of the stanza of the same name and family, or appended
     * after a blank line (with an {@code auto} line first when {@code auto}) when there is none.
     */
    public InterfacesFile withIface(Iface iface, boolean auto) {
        Optional<Iface> old = iface(iface.name(), iface.family());
        InterfacesFile f;
        if (old.isPresent()) {
            f = replace(old.get(), iface);
        } else {
            List<Entry> out = new ArrayList<>(entries);
            if (!out.isEmpty() && !(out.get(out.size() - 1) instanceof Comment c && c.isBlank())) {
                out.add(Comment.blank());
            }
            if (auto && !autoNames().contains(iface.name())) {
                out.add(AutoLine.auto(iface.name()));
            }
            out.add(iface);
            f = new InterfacesFile(out, true, crlf);
        }
        return auto ? f.withAuto(iface.name(), true) : f;
    }

    /** A copy with {@code name} on an {@code auto} line (added before its stanza) or taken off every one. */
    public InterfacesFile withAuto(String name, boolean auto) {
        if (auto == autoNames().contains(name)) {
            return this;
        }
        List<Entry> out = new ArrayList<>(entries);
        if (auto) {
            int at = out.size();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i) instanceof Iface x && x.name().equals(name)) {
                    at = i;
                    break;
                }
            }
            out.add(at, AutoLine.auto(name));
        } else {
            out = withoutName(out, name, "auto");
        }
        return new InterfacesFile(out, finalNewline || out.size() == 1, crlf);
    }

    private static List<Entry> withoutName(List<Entry> in, String name, String keyword) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : in) {
            if (e instanceof AutoLine a && (keyword == null || a.keyword().equals(keyword)) && a.names().contains(name)) {
                List<String> rest = a.names().stream().filter(x -> !x.equals(name)).toList();
                if (!rest.isEmpty()) {
                    out.add(new AutoLine(a.keyword(), rest, null));
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /** A copy without any stanza of {@code name} and without it on {@code auto}/{@code allow-*} lines. */
    public InterfacesFile withoutIface(String name) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : withoutName(entries, name, null)) {
            if (e instanceof Iface i && i.name().equals(name)) {
                continue;
            }
            boolean doubleBlank = e instanceof Comment c && c.isBlank() && !out.isEmpty()
                    && out.get(out.size() - 1) instanceof Comment p && p.isBlank();
            if (!doubleBlank) {
                out.add(e);
            }
        }
        return new InterfacesFile(out, finalNewline, crlf);
    }

    /** A unified diff from this file's text to {@code other}'s (empty when they render the same); bytes that are not UTF-8 show as {@code \xNN}. */
    public String diff(InterfacesFile other) {
        return diff(other, "interfaces");
    }

    /** A unified diff labelled with {@code path}. */
    public String diff(InterfacesFile other, String path) {
        return RawText.printable(UnifiedDiff.of("a/" + path, "b/" + path, render(), other.render(), 3));
    }
}
