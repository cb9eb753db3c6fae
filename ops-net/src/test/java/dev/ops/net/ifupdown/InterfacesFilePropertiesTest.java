package dev.ops.net.ifupdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class InterfacesFilePropertiesTest {

    @Property(tries = 300)
    void parsingTheRenderingOfAModelGivesTheModelBack(@ForAll("files") InterfacesFile model) {
        assertThat(InterfacesFile.parse(model.render())).isEqualTo(model);
    }

    @Property(tries = 300)
    void renderingAParsedFileGivesTheTextBack(@ForAll("files") InterfacesFile model) {
        String text = model.render();
        assertThat(InterfacesFile.parse(text).render()).isEqualTo(text);
    }

    @Property(tries = 300)
    void anyBytesInCommentsComeBackUnchanged(@ForAll byte[] noise) {
        byte[] bytes = new byte[noise.length + 4];
        bytes[0] = '#';
        for (int i = 0; i < noise.length; i++) {
            bytes[i + 1] = noise[i] == '\n' ? (byte) 0xE9 : noise[i];
        }
        bytes[noise.length + 1] = '\n';
        bytes[noise.length + 2] = '#';
        bytes[noise.length + 3] = '\n';

        assertThat(InterfacesFile.parse(bytes).toBytes()).isEqualTo(bytes);
    }

    @Provide
    Arbitrary<InterfacesFile> files() {
        Arbitrary<Entry> entry = Arbitraries.oneOf(comment().map(c -> (Entry) c), autoLine().map(a -> (Entry) a),
                source().map(s -> (Entry) s), iface().map(i -> (Entry) i));
        return Combinators.combine(entry.list().ofMaxSize(12), Arbitraries.of(true, false))
                .as((entries, newline) -> new InterfacesFile(entries, newline || entries.isEmpty()))
                .filter(f -> !endsWithBlank(f));
    }

    private static boolean endsWithBlank(InterfacesFile f) {
        // "x\n" + no final newline and "x" + blank line + final newline render alike; keep one spelling
        return !f.finalNewline() && !f.entries().isEmpty() && f.entries().get(f.entries().size() - 1) instanceof Comment c && c.text().isEmpty();
    }

    private Arbitrary<String> names() {
        return Arbitraries.of("lo", "eno1", "eno2", "bond0", "vmbr0", "vmbr1", "vmbr1.20", "enp3s0f1", "veth100i0");
    }

    private Arbitrary<Comment> comment() {
        return Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("abc XYZ:=-_/").ofMaxLength(20).map(s -> "#" + s),
                Arbitraries.strings().withChars("abc ").ofMaxLength(10).map(s -> "\t# " + s)).map(Comment::new);
    }

    private Arbitrary<AutoLine> autoLine() {
        return Combinators.combine(Arbitraries.of("auto", "allow-hotplug"), names().list().ofMinSize(1).ofMaxSize(3))
                .as((k, n) -> new AutoLine(k, n, null));
    }

    private Arbitrary<SourceLine> source() {
        return Arbitraries.of("/etc/network/interfaces.d/*", "/etc/network/extra").map(p -> new SourceLine("source", p, null));
    }

    private Arbitrary<IfaceOption> option() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 254).map(i -> IfaceOption.of("address", "10.0." + i + ".2/24")),
                Arbitraries.integers().between(68, 65535).map(i -> IfaceOption.of("mtu", String.valueOf(i))),
                Arbitraries.of("on", "off").map(v -> IfaceOption.of("bridge-stp", v)),
                Arbitraries.integers().between(0, 30).map(i -> IfaceOption.of("bridge-fd", String.valueOf(i))),
                Arbitraries.of("yes", "no").map(v -> IfaceOption.of("bridge-vlan-aware", v)),
                Arbitraries.integers().between(1, 4094).map(i -> IfaceOption.of("bridge-vids", "2-" + Math.max(2, i))),
                names().list().ofMinSize(1).ofMaxSize(3).map(n -> IfaceOption.of("bridge-ports", String.join(" ", n))),
                names().list().ofMinSize(1).ofMaxSize(2).map(n -> IfaceOption.of("bond-slaves", String.join(" ", n))),
                Arbitraries.of("balance-rr", "active-backup", "802.3ad").map(v -> IfaceOption.of("bond-mode", v)),
                Arbitraries.integers().between(0, 1000).map(i -> IfaceOption.of("bond-miimon", String.valueOf(i))),
                names().map(n -> IfaceOption.of("vlan-raw-device", n)),
                Arbitraries.strings().withChars("abcdef0123456789:").ofMinLength(1).ofMaxLength(17).map(v -> IfaceOption.of("hwaddress", v)),
                Arbitraries.strings().withChars("xyz-").ofMinLength(1).ofMaxLength(8).map(v -> IfaceOption.of("post-up", "echo " + v)));
    }

    private Arbitrary<Iface> iface() {
        Arbitrary<List<IfaceLine>> body = Combinators.combine(option().list().ofMaxSize(6), comment().list().ofMaxSize(6))
                .as((opts, comments) -> {
                    // a comment inside a stanza must be followed by an option, or it belongs to the top level
                    List<IfaceLine> lines = new ArrayList<>();
                    for (int i = 0; i < opts.size(); i++) {
                        if (i < comments.size() && i % 2 == 1) {
                            lines.add(comments.get(i));
                        }
                        lines.add(opts.get(i));
                    }
                    return lines;
                });
        return Combinators.combine(names(), Arbitraries.of("static", "manual", "dhcp", "loopback"), body)
                .as((n, m, b) -> new Iface(n, "inet", m, b, null));
    }
}
