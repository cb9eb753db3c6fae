package dev.ops.sto.smb.internal;

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
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.sto.smb.SmbConfigException;
import dev.ops.sto.smb.SmbShare;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A share section written into smb.conf (replacing the old one) or removed, after {@code testparm -s}
 * accepted the whole new file, then {@code smbcontrol smbd reload-config}. Rollback restores the
 * file's exact bytes, then reloads (the first step's undo reloads, so it runs after the restore).
 */
public final class ShareChange extends HostChange<Optional<Map<String, String>>, Void> {
    /** Reloads smbd; a host where smbd is not running has nothing to reload (it reads the file when it starts). */
    private static final String RELOAD = "out=$(smbcontrol \"$@\" smbd reload-config 2>&1) && exit 0; "
            + "case \"$out\" in *\"Can't find pid\"*|*'No such file'*|*'not running'*) exit 0;; esac; printf '%s\\n' \"$out\" >&2; exit 1";

    private final String config;
    private final String name;
    /** The share, or null for absent. */
    private final SmbShare share;

    private ShareChange(Host host, Ops ops, String config, String name, SmbShare share) {
        super(host, ops);
        this.config = config;
        this.name = name;
        this.share = share;
    }

    /** The share's section present in {@code config}. */
    public static Change<Optional<Map<String, String>>> present(Host host, Ops ops, String config, SmbShare share) {
        return new ShareChange(host, ops, config, share.name(), share);
    }

    /** No section {@code name} in {@code config}. */
    public static Change<Optional<Map<String, String>>> absent(Host host, Ops ops, String config, String name) {
        return new ShareChange(host, ops, config, name, null);
    }

    @Override
    public String description() {
        return "smb share [" + name + "]" + (share == null ? " absent" : " present") + " in " + config + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.checkText(config, "config", c -> c.startsWith("/") && c.indexOf('\n') < 0, "must be an absolute path");
        v.checkText(name, "name", n -> n.indexOf(']') < 0 && n.indexOf('[') < 0 && n.indexOf('\n') < 0, "must not hold '[', ']' or a newline");
    }

    private List<String> configArgs() {
        return config.equals("/etc/samba/smb.conf") ? List.of() : List.of("--configfile=" + config);
    }

    /** The warning and error lines of {@code testparm -s} over {@code text}, or a failure to load. */
    private Set<String> testparm(String text, boolean mustLoad) {
        CommandResult r = host.run(Command.builder().addArgv("testparm", "-s", "/dev/stdin").stdin(text).sudo(true).build());
        Set<String> problems = new LinkedHashSet<>();
        for (String l : r.stderrText().split("\n")) {
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.contains("warning") || lower.contains("unknown parameter") || lower.contains("ignoring") || lower.contains("error")
                    || lower.contains("not boolean") || lower.contains("invalid")) {
                problems.add(l.strip());
            }
        }
        if (mustLoad && !r.ok()) {
            problems.add("exit code " + r.exitCode() + " (the file does not load)");
        }
        return problems;
    }

    @Override
    protected Planned<Void> planSteps() {
        FileSnapshot old = FileSnapshot.read(host, config, true);
        String text = old.content().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        SmbConf conf = SmbConf.parse(text);
        String next = share == null ? conf.without(name) : conf.with(name, share.render());
        if (next.equals(text)) {
            return Planned.none(null);
        }
        Set<String> introduced = testparm(next, true);
        introduced.removeAll(testparm(text, false));
        if (!introduced.isEmpty()) {
            throw new SmbConfigException(name, new ArrayList<>(introduced));
        }
        List<String> reloadArgv = new ArrayList<>(List.of("sh", "-c", RELOAD, "sh"));
        reloadArgv.addAll(configArgs());
        CommandAction reload = CommandAction.of(host.name(), Command.of(reloadArgv).asRoot());
        return Planned.of(List.of(
                Step.of("reload smbd from " + config + " as it is (so that rollback reloads after restoring it)", reload, reload),
                Step.of((old.content().isPresent() ? "rewrite " : "create ") + config + (share == null ? " without [" : " with [") + name + "] (testparm -s accepts it)",
                        FileWriteAction.write(host.name(), old, next.getBytes(StandardCharsets.UTF_8), true, TextDiff.unified(config, text, next)),
                        FileWriteAction.restore(host.name(), old, true)),
                Step.of("smbcontrol smbd reload-config", reload, reload)));
    }

    @Override
    protected Optional<Map<String, String>> result(Void context) {
        String text = host.readFile(config, true).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        return SmbConf.parse(text).sections().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }
}
