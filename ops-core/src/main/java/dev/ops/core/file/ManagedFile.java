package dev.ops.core.file;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A file with desired content and mode (or desired absent), as a {@link dev.ops.core.change.Change}:
 * the plan shows a unified diff, apply writes atomically, rollback restores the previous content
 * and mode (or removes a file that did not exist).
 *
 * <pre>{@code
 * Change<String> motd = ManagedFile.on(host).path("/etc/motd").content("welcome\n").mode("0644").present();
 * System.out.println(motd.plan().render());
 * }</pre>
 */
public final class ManagedFile extends AbstractChange<String> {
    private static final Pattern MODE = Pattern.compile("0?[0-7]{3,4}");

    private final Host host;
    private final String path;
    private final String content;
    private final String mode;
    private final boolean sudo;

    private ManagedFile(Ops ops, Host host, String path, String content, String mode, boolean sudo) {
        super(ops);
        this.host = host;
        this.path = path;
        this.content = content;
        this.mode = mode;
        this.sudo = sudo;
    }

    /** Starts describing a file on {@code host}, in the default runtime. */
    public static Builder on(Host host) {
        return new Builder(host, Ops.defaults());
    }

    /** Starts describing a file on {@code host}, in {@code ops}. */
    public static Builder on(Host host, Ops ops) {
        return new Builder(host, ops);
    }

    @Override
    public String description() {
        return content == null ? "file " + path + " absent on " + host.name() : "file " + path + " present on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(path != null && path.startsWith("/") && !path.endsWith("/"), "path", "must be an absolute file path, was " + path);
        v.check(path == null || !path.contains("/../") && !path.endsWith("/.."), "path", "must not contain '..'");
        v.check(mode != null && MODE.matcher(mode).matches(), "mode", "must be octal like 0644, was " + mode);
    }

    @Override
    protected List<Step> computeSteps() {
        Current current = read();
        List<Step> steps = new ArrayList<>();
        String before = current.content().map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        FileWriteAction undo = current.content().isPresent()
                ? new FileWriteAction(host.name(), path, current.content().get(), current.mode(), sudo, "restore " + path)
                : FileWriteAction.remove(host.name(), path, sudo);
        if (content == null) {
            if (current.content().isPresent()) {
                steps.add(Step.of("remove " + path, FileWriteAction.remove(host.name(), path, sudo), undo));
            }
            return steps;
        }
        boolean sameContent = current.content().isPresent() && before.equals(content);
        boolean sameMode = current.content().isPresent() && normalize(current.mode()).equals(normalize(mode));
        if (!sameContent || !sameMode) {
            String diff = TextDiff.unified(path, before, content);
            String summary = diff.isEmpty() ? "mode " + current.mode() + " -> " + mode : diff.stripTrailing();
            steps.add(Step.of((current.content().isPresent() ? "update " : "create ") + path,
                    FileWriteAction.write(host.name(), path, content, mode, sudo, summary), undo));
        }
        return steps;
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected String result(Plan plan) {
        return content;
    }

    private record Current(Optional<byte[]> content, String mode) {}

    private Current read() {
        CommandResult r = host.run(Command.builder().addArgv("sh", "-c",
                "if [ -f \"$1\" ]; then stat -c %a -- \"$1\" && cat -- \"$1\"; elif [ -e \"$1\" ]; then echo 'not a regular file' >&2; exit 4; else exit 3; fi", "sh", path)
                .sudo(sudo).build());
        if (r.exitCode() == 3) {
            return new Current(Optional.empty(), "");
        }
        r.orThrow();
        byte[] out = r.stdout();
        int nl = 0;
        while (nl < out.length && out[nl] != '\n') {
            nl++;
        }
        String mode = new String(out, 0, nl, StandardCharsets.US_ASCII).trim();
        byte[] body = java.util.Arrays.copyOfRange(out, Math.min(out.length, nl + 1), out.length);
        return new Current(Optional.of(body), mode);
    }

    private static String normalize(String mode) {
        String m = mode.replaceFirst("^0+", "");
        return m.isEmpty() ? "0" : m;
    }

    /** Describes a {@link ManagedFile}. */
    public static final class Builder {
        private final Host host;
        private final Ops ops;
        private String path;
        private String content;
        private String mode = "0644";
        private boolean sudo;

        private Builder(Host host, Ops ops) {
            this.host = host;
            this.ops = ops;
        }

        public Builder path(String path) {
            this.path = path;
            return this;
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** Octal mode, default {@code 0644}. */
        public Builder mode(String mode) {
            this.mode = mode;
            return this;
        }

        /** Read and write as root. */
        public Builder asRoot() {
            this.sudo = true;
            return this;
        }

        /** The file with the given content and mode. */
        public ManagedFile present() {
            return new ManagedFile(ops, host, path, content == null ? "" : content, mode, sudo);
        }

        /** The file removed. */
        public ManagedFile absent() {
            return new ManagedFile(ops, host, path, null, mode, sudo);
        }
    }
}
