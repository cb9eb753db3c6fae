package dev.ops.sto.nfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.sto.nfs.internal.ExportfsParser;
import dev.ops.sto.nfs.internal.ExportsFile;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Exports files read as exportfs reads them, written so that only the edited export's lines change. */
class ExportsFileTest {
    private static final String FILE = """
            # /etc/exports: the access control list for filesystems which may be exported
            /srv/backup 192.168.2.0/24(rw,sync,no_subtree_check) 10.0.0.1(ro)
            "/srv/with space"   *.lab.example(ro,sec=sys)
            /srv/long \\
                @admins(rw) *(ro,all_squash)
            /srv/oct\\040al host
            """;

    @Test
    void exportsAreParsedWithQuotesEscapesContinuationsAndComments() {
        List<NfsExport> e = NfsExports.parse("/etc/exports", FILE);
        assertThat(e).extracting(NfsExport::path).containsExactly("/srv/backup", "/srv/with space", "/srv/long", "/srv/oct al");
        assertThat(e.get(0).clients()).containsExactly(NfsClient.of("192.168.2.0/24", "rw", "sync", "no_subtree_check"), NfsClient.of("10.0.0.1", "ro"));
        assertThat(e.get(2).clients()).containsExactly(NfsClient.of("@admins", "rw"), NfsClient.of("*", "ro", "all_squash"));
        assertThat(e.get(3).clients()).containsExactly(NfsClient.of("host"));
    }

    @Test
    void aSpaceBeforeTheParenthesisIsRefusedNamingFileAndLine() {
        assertThatThrownBy(() -> NfsExports.parse("/etc/exports.d/lab.exports", "# ok\n/srv/a host (rw)\n"))
                .isInstanceOfSatisfying(ExportsSyntaxException.class, e -> {
                    assertThat(e.file()).isEqualTo("/etc/exports.d/lab.exports");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.violationsOf("clients")).singleElement().satisfies(v -> assertThat(v.message()).contains("to the world"));
                });
        assertThatThrownBy(() -> NfsExports.parse("/etc/exports", "/srv/a (rw)\n")).isInstanceOf(ExportsSyntaxException.class);
    }

    @Test
    void clientsWithSpacesOrParenthesesCannotBeBuilt() {
        assertThatThrownBy(() -> NfsClient.of("host (rw)")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("host")).hasSize(1));
        assertThatThrownBy(() -> NfsClient.of("host", "rw,sync")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violationsOf("host.options")).hasSize(1));
    }

    @Test
    void editingOneExportLeavesEveryOtherLineAsItWas() {
        ExportsFile f = ExportsFile.parse("/etc/exports", FILE);
        String replaced = f.with(new NfsExport("/srv/long", List.of(NfsClient.of("10.1.1.1", "rw")), ""));
        assertThat(replaced).isEqualTo(FILE.replace("/srv/long \\\n    @admins(rw) *(ro,all_squash)\n", "/srv/long 10.1.1.1(rw)\n"));
        assertThat(f.with(new NfsExport("/srv/new one", List.of(NfsClient.of("*", "ro")), ""))).isEqualTo(FILE + "\"/srv/new one\" *(ro)\n");
        assertThat(f.without("/srv/backup")).isEqualTo(FILE.replace("/srv/backup 192.168.2.0/24(rw,sync,no_subtree_check) 10.0.0.1(ro)\n", ""));
    }

    @Test
    void exportfsVerboseOutputIsReadIncludingWrappedLongPaths() {
        String out = "/srv/backup   \t192.168.2.0/24(sync,wdelay,hide,no_subtree_check,sec=sys,rw,secure,root_squash,no_all_squash)\n"
                + "/srv/a/very/long/path/that/wraps\n\t\t<world>(sync,wdelay,hide,sec=sys,ro,secure,root_squash,no_all_squash)\n";
        List<NfsExport> e = ExportfsParser.parse(out);
        assertThat(e).extracting(NfsExport::path).containsExactly("/srv/backup", "/srv/a/very/long/path/that/wraps");
        assertThat(e.get(1).clients()).singleElement().satisfies(c -> {
            assertThat(c.host()).isEqualTo("*");
            assertThat(c.options()).contains("ro");
        });
    }

    @Provide
    Arbitrary<NfsExport> exports() {
        Arbitrary<String> path = Arbitraries.strings().withChars("abc /_-.é#\\").ofMinLength(1).ofMaxLength(15).map(s -> "/" + s);
        Arbitrary<NfsClient> client = Combinators.combine(Arbitraries.of("*", "host1", "10.0.0.0/8", "@ng", "*.lab.example", "fe80::1"),
                Arbitraries.of("rw", "ro", "sync", "no_subtree_check", "sec=sys", "anonuid=1000").list().ofMaxSize(3).uniqueElements())
                .as(NfsClient::new);
        return Combinators.combine(path, client.list().ofMinSize(1).ofMaxSize(3)).as((p, c) -> new NfsExport(p, c, "/etc/exports"));
    }

    @Property
    void whatIsRenderedIsReadBack(@ForAll("exports") NfsExport export) {
        assertThat(NfsExports.parse("/etc/exports", export.render() + "\n")).containsExactly(export);
    }
}
