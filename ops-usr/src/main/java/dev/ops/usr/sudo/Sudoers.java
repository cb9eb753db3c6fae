package dev.ops.usr.sudo;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.usr.sudo.internal.SudoersChange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The sudoers drop-ins of a host. A drop-in is rendered from typed rules, checked with
 * {@code visudo -cf} on the host at plan time, and installed atomically with mode 0440 only after
 * passing {@code visudo} again; a file that would break sudo is never left installed.
 *
 * <pre>{@code
 * Sudoers.on(host, ops).dropIn("ops-deploy")
 *         .rule(r -> r.users("deploy").noPassword(true).commands("/usr/bin/systemctl restart app"))
 *         .present().apply();
 * }</pre>
 */
public final class Sudoers {
    private final Host host;
    private final Ops ops;

    private Sudoers(Host host, Ops ops) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
    }

    /** The drop-ins of {@code host}, changed in the given runtime. */
    public static Sudoers on(Host host, Ops ops) {
        return new Sudoers(host, ops);
    }

    /**
     * The drop-in of that name as this module writes it, if it exists; a file with a line ops cannot
     * read back exactly fails with {@link dev.ops.usr.error.UnreadableLineException} (a
     * {@link dev.ops.core.error.ValidationException}) naming the file and line.
     */
    public Optional<SudoersDropIn> get(String name) {
        dev.ops.core.error.Violations v = dev.ops.core.error.Violations.of("sudoers drop-in");
        SudoersDropIn.checkName(v, name);
        v.throwIfAny();
        String path = SudoersDropIn.DIRECTORY + "/" + name;
        return host.readFile(path, true).map(b -> SudoersDropIn.parse(b, path));
    }

    /** One drop-in, by file name (letters, digits, '_' and '-'; sudo ignores names with '.' or a trailing '~'). */
    public DropInBuilder dropIn(String name) {
        return new DropInBuilder(name);
    }

    /** Describes the whole content of one drop-in. */
    public final class DropInBuilder {
        private final String name;
        private final List<SudoRule> rules = new ArrayList<>();
        private final List<SudoDefault> defaults = new ArrayList<>();

        private DropInBuilder(String name) {
            this.name = name;
        }

        /** Adds a rule. */
        public DropInBuilder rule(SudoRule rule) {
            rules.add(rule);
            return this;
        }

        /** Adds a rule filled in by {@code spec}. */
        public DropInBuilder rule(Consumer<SudoRule.Builder> spec) {
            rules.add(SudoRule.of(spec));
            return this;
        }

        /** Adds Defaults lines. */
        public DropInBuilder defaults(SudoDefault... entries) {
            defaults.addAll(Arrays.asList(entries));
            return this;
        }

        /** The change that installs the drop-in with exactly this content; its value is the drop-in. */
        public Change<SudoersDropIn> present() {
            return SudoersChange.present(host, ops, name, defaults, rules);
        }

        /** The change that removes the drop-in; rollback puts the old file back. */
        public Change<Optional<SudoersDropIn>> absent() {
            return SudoersChange.absent(host, ops, name);
        }
    }
}
