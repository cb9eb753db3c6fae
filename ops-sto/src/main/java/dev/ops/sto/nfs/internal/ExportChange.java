package dev.ops.sto.nfs.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.file.FileSnapshot;
import dev.ops.core.file.TextDiff;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.sto.nfs.NfsClient;
import dev.ops.sto.nfs.NfsExport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One export made present (its line written, replacing the old one) or absent in one exports file,
 * then {@code exportfs -ra}. Rollback restores the file's exact bytes and re-exports: the first
 * step's undo re-exports, so it runs after the file is back.
 */
public final class ExportChange extends HostChange<Optional<NfsExport>, Void> {
    private final String file;
    private final String path;
    /** The clients, or null for absent. */
    private final List<NfsClient> clients;

    private ExportChange(Host host, Ops ops, String file, String path, List<NfsClient> clients) {
        super(host, ops);
        this.file = file;
        this.path = path;
        this.clients = clients == null ? null : List.copyOf(clients);
    }

    /** The export of {@code path} to {@code clients} in {@code file}. */
    public static Change<Optional<NfsExport>> present(Host host, Ops ops, String file, String path, List<NfsClient> clients) {
        return new ExportChange(host, ops, file, path, clients);
    }

    /** No export of {@code path} in {@code file}. */
    public static Change<Optional<NfsExport>> absent(Host host, Ops ops, String file, String path) {
        return new ExportChange(host, ops, file, path, null);
    }

    @Override
    public String description() {
        return "nfs export " + path + (clients == null ? " absent" : " present") + " in " + file + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.checkText(path, "path", p -> p.startsWith("/") && p.indexOf('\n') < 0 && p.indexOf('"') < 0 && p.indexOf('\0') < 0,
                "must be an absolute path without newlines or double quotes");
        v.checkText(file, "file", f -> f.equals("/etc/exports") || f.matches("/etc/exports\\.d/[A-Za-z0-9_.@+-]+\\.exports"),
                "must be /etc/exports or /etc/exports.d/<name>.exports");
        if (clients != null) {
            v.check(!clients.isEmpty(), "clients", "an export needs at least one client (use * for everyone, deliberately)");
        }
    }

    @Override
    protected Planned<Void> planSteps() {
        FileSnapshot old = FileSnapshot.read(host, file, true);
        String text = old.content().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        ExportsFile parsed = ExportsFile.parse(file, text);
        String next = clients == null ? parsed.without(path) : parsed.with(new NfsExport(path, clients, file));
        if (next.equals(text)) {
            return Planned.none(null);
        }
        byte[] content = next.getBytes(StandardCharsets.UTF_8);
        if (old.content().isPresent() && Arrays.equals(old.content().get(), content)) {
            return Planned.none(null);
        }
        List<Step> steps = new ArrayList<>();
        String dir = file.substring(0, file.lastIndexOf('/'));
        if (!host.run(Command.of("test", "-d", dir)).ok()) {
            steps.add(Step.of("create " + dir, CommandAction.of(host.name(), Command.of("mkdir", "-p", "-m", "0755", dir).asRoot()),
                    new CommandAction(host.name(), Command.of("rmdir", "--ignore-fail-on-non-empty", dir).asRoot(), true)));
        }
        CommandAction reexport = CommandAction.of(host.name(), Command.of("exportfs", "-ra").asRoot());
        steps.add(Step.of("re-export from " + file + " as it is (so that rollback re-exports after restoring it)", reexport, reexport));
        steps.add(Step.of((old.content().isPresent() ? "rewrite " : "create ") + file,
                FileWriteAction.write(host.name(), old, content, true, TextDiff.unified(file, text, next)),
                FileWriteAction.restore(host.name(), old, true)));
        steps.add(Step.of("exportfs -ra", reexport, reexport));
        return Planned.of(steps);
    }

    @Override
    protected Optional<NfsExport> result(Void context) {
        String text = host.readFile(file, true).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        return ExportsFile.parse(file, text).exports().stream().filter(e -> e.path().equals(path)).findFirst();
    }
}
