package dev.ops.sto.nfs;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.nfs.internal.ExportChange;
import dev.ops.sto.nfs.internal.ExportfsParser;
import dev.ops.sto.nfs.internal.ExportsFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The NFS exports of a host: what its exports files say ({@link #list()}), what the kernel exports
 * ({@link #active()}), and exports made present or absent, each a change whose rollback restores
 * the file and re-exports.
 *
 * <pre>{@code
 * NfsExports.on(host, ops).export("/srv/backup").to(NfsClient.of("192.168.2.0/24", "rw", "sync", "no_subtree_check")).present().apply();
 * }</pre>
 */
public final class NfsExports {
    /** The main exports file. */
    public static final String EXPORTS = "/etc/exports";
    private static final String LIST_FILES = "for f in /etc/exports /etc/exports.d/*.exports; do [ -f \"$f\" ] && printf '%s\\n' \"$f\"; done; exit 0";

    private final Host host;
    private final Ops ops;

    private NfsExports(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The exports of {@code host}, changed through {@code ops}. */
    public static NfsExports on(Host host, Ops ops) {
        return new NfsExports(host, ops);
    }

    /**
     * Parses the content of an exports file; a line exportfs would read other than meant (a space
     * before the parenthesis, an unterminated quote) is an {@link ExportsSyntaxException}.
     */
    public static List<NfsExport> parse(String file, String text) {
        return ExportsFile.parse(file, text).exports();
    }

    /** Every export in /etc/exports and /etc/exports.d/*.exports, in the order exportfs reads them. */
    public List<NfsExport> list() {
        List<NfsExport> all = new ArrayList<>();
        for (String f : host.check(Command.of("sh", "-c", LIST_FILES)).stdoutText().split("\n")) {
            if (!f.isBlank()) {
                all.addAll(parse(f, host.readFile(f, true).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("")));
            }
        }
        return all;
    }

    /** The export of {@code path} in the exports files, if any. */
    public Optional<NfsExport> get(String path) {
        return list().stream().filter(e -> e.path().equals(path)).findFirst();
    }

    /** What the kernel exports now, from {@code exportfs -v}. */
    public List<NfsExport> active() {
        return ExportfsParser.parse(host.check(Command.of("exportfs", "-v").asRoot()).stdoutText());
    }

    /** The export of {@code path}, kept in /etc/exports unless {@link ExportSetting#in in} another file. */
    public ExportSetting export(String path) {
        return new ExportSetting(path, EXPORTS, List.of());
    }

    /** One export; immutable, each call returns a new one. */
    public final class ExportSetting {
        private final String path;
        private final String file;
        private final List<NfsClient> clients;

        private ExportSetting(String path, String file, List<NfsClient> clients) {
            this.path = path;
            this.file = file;
            this.clients = clients;
        }

        /** Keep it in {@code file}: /etc/exports or /etc/exports.d/NAME.exports. */
        public ExportSetting in(String file) {
            return new ExportSetting(path, Objects.requireNonNull(file, "file"), clients);
        }

        /** Also export to {@code client}. */
        public ExportSetting to(NfsClient client) {
            List<NfsClient> more = new ArrayList<>(clients);
            more.add(Objects.requireNonNull(client, "client"));
            return new ExportSetting(path, file, more);
        }

        /** The change that writes the export's line (replacing the path's old one) and runs {@code exportfs -ra}; rollback restores the file and re-exports. */
        public Change<Optional<NfsExport>> present() {
            return ExportChange.present(host, ops, file, path, clients);
        }

        /** The change that removes the path's lines from the file and runs {@code exportfs -ra}; rollback restores the file and re-exports. */
        public Change<Optional<NfsExport>> absent() {
            return ExportChange.absent(host, ops, file, path);
        }
    }
}
