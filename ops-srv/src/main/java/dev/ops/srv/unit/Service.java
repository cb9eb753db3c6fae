package dev.ops.srv.unit;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Host;
import dev.ops.srv.unit.internal.Journal;
import dev.ops.srv.unit.internal.UnitControlChange;
import dev.ops.srv.unit.internal.UnitControlChange.Verb;
import dev.ops.srv.unit.internal.UnitFileChange;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * systemd units of a host: unit files and drop-ins put in place atomically (verified first, then
 * {@code daemon-reload}), and the verbs enable, disable, start, stop, restart, reload, mask and
 * unmask, each a {@link Change} whose rollback returns the earlier file and state.
 *
 * <pre>{@code
 * Service.on(host, ops).unit("web.service").definition(u -> u.description("web").addExecStart("/usr/local/bin/web")).present().apply();
 * Service.on(host, ops).unit("web.service").enable().apply();
 * Optional<UnitState> s = Service.on(host, ops).unit("web.service").get();
 * }</pre>
 *
 * <p>{@link #root(String)} works on another root directory instead (an image, a container's
 * tree): files are written under it and systemctl runs with {@code --root}, so that only unit
 * file operations (present, absent, enable, disable, mask, unmask) are possible there.
 */
public final class Service {
    private final Host host;
    private final Ops ops;
    private final String root;

    private Service(Host host, Ops ops, String root) {
        this.host = Objects.requireNonNull(host, "host");
        this.ops = Objects.requireNonNull(ops, "ops");
        this.root = root;
    }

    /** Units of {@code host}'s running systemd, changed through {@code ops}. */
    public static Service on(Host host, Ops ops) {
        return new Service(host, ops, "/");
    }

    /** These units under the root directory {@code root} of {@code host} instead of the running system. */
    public Service root(String root) {
        Objects.requireNonNull(root, "root");
        Violations.of("service root").check(root.startsWith("/") && !root.contains(".."), "root", "'" + root + "' must be an absolute path")
                .throwIfAny();
        return new Service(host, ops, root.length() > 1 && root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    }

    /** The units systemd reports as failed, from {@code systemctl list-units --state=failed}. */
    public java.util.List<String> failed() {
        Violations.of("failed units").check(root.equals("/"), "root", "needs a running systemd, not the root " + root).throwIfAny();
        String out = host.check(dev.ops.core.host.Command.of("systemctl", "list-units", "--state=failed", "--no-legend", "--plain",
                "--no-pager", "--full")).stdoutText();
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).map(l -> l.split("\\s+")[0]).toList();
    }

    /** One unit, by its full name such as {@code web.service}. */
    public UnitHandle unit(String name) {
        Objects.requireNonNull(name, "name");
        Violations v = Violations.of("unit");
        UnitNames.check(v, "name", name);
        v.throwIfAny();
        return new UnitHandle(name, Optional.empty());
    }

    /** One unit: its file, drop-ins, state and verbs; immutable, each setter returns a new one. */
    public final class UnitHandle {
        private final String name;
        private final Optional<ServiceUnit> definition;

        private UnitHandle(String name, Optional<ServiceUnit> definition) {
            this.name = name;
            this.definition = definition;
        }

        /** This unit with {@code unit} as the content {@link #present()} installs. */
        public UnitHandle definition(ServiceUnit unit) {
            return new UnitHandle(name, Optional.of(Objects.requireNonNull(unit, "unit")));
        }

        /** This unit with the content the builder fills, for {@link #present()}. */
        public UnitHandle definition(Consumer<ServiceUnit.Builder> fill) {
            ServiceUnit.Builder b = ServiceUnit.builder();
            fill.accept(b);
            return definition(b.build());
        }

        /**
         * The change that installs the definition as {@code /etc/systemd/system/<name>}: refused when
         * lint finds an error (each naming its field) or {@code systemd-analyze verify} finds any
         * problem, including "ignoring" lines; then written atomically and systemd reloaded. Yields the
         * file's path. Its rollback puts back the earlier file (or removes the new one) and reloads.
         */
        public Change<String> present() {
            ServiceUnit unit = definition.orElseThrow(() -> new dev.ops.core.error.ValidationException("unit " + name,
                    java.util.List.of(new dev.ops.core.error.Violation("definition", "present() needs a definition(...)"))));
            return UnitFileChange.unit(host, ops, root, name, unit);
        }

        /** The change that removes the unit file (stop and disable it first) and reloads systemd. */
        public Change<String> absent() {
            return UnitFileChange.absent(host, ops, root, name);
        }

        /** The change that puts {@code dropIn} in {@code /etc/systemd/system/<name>.d/} and reloads systemd. */
        public Change<String> dropIn(DropIn dropIn) {
            return UnitFileChange.dropIn(host, ops, root, name, dropIn.name(), Optional.of(dropIn.render()));
        }

        /** The change that puts the drop-in the builder fills in place. */
        public Change<String> dropIn(Consumer<DropIn.Builder> fill) {
            DropIn.Builder b = DropIn.builder();
            fill.accept(b);
            return dropIn(b.build());
        }

        /** The change that removes the drop-in {@code fileName} and reloads systemd. */
        public Change<String> dropInAbsent(String fileName) {
            return UnitFileChange.dropIn(host, ops, root, name, Objects.requireNonNull(fileName, "fileName"), Optional.empty());
        }

        /** The unit's live state, read with {@code systemctl show}; empty when systemd does not know it. */
        public Optional<UnitState> get() {
            Violations.of("unit").check(root.equals("/"), "root", "state needs a running systemd, not the root " + root).throwIfAny();
            UnitState s = UnitControlChange.show(host, name);
            return s.exists() ? Optional.of(s) : Optional.empty();
        }

        /**
         * The newest {@code max} journal entries of the unit, oldest first; the page's cursor reads on
         * with {@link #logsAfter}. Needs a user who may read the system journal (root, or the
         * {@code systemd-journal} or {@code adm} group).
         */
        public LogPage logs(int max) {
            checkMax(max);
            return Journal.read(host, name, Optional.empty(), max);
        }

        /** Up to {@code max} journal entries logged after {@code cursor}, oldest first. */
        public LogPage logsAfter(String cursor, int max) {
            checkMax(max);
            Violations.of("logs").check(!cursor.isEmpty() && cursor.chars().noneMatch(c -> c < 0x20), "cursor", "must be a journal cursor")
                    .throwIfAny();
            return Journal.read(host, name, Optional.of(cursor), max);
        }

        private void checkMax(int max) {
            Violations.of("logs").check(max >= 1 && max <= 100_000, "max", max + " is not from 1 to 100000").throwIfAny();
            Violations.of("logs").check(root.equals("/"), "root", "logs need the running system's journal, not the root " + root).throwIfAny();
        }

        /** Enable (undo: disable); yields the unit file state after. */
        public Change<String> enable() {
            return UnitControlChange.of(host, ops, root, name, Verb.ENABLE);
        }

        /** Disable (undo: enable); yields the unit file state after. */
        public Change<String> disable() {
            return UnitControlChange.of(host, ops, root, name, Verb.DISABLE);
        }

        /** Mask (undo: unmask); yields the unit file state after. */
        public Change<String> mask() {
            return UnitControlChange.of(host, ops, root, name, Verb.MASK);
        }

        /** Unmask (undo: mask); yields the unit file state after. */
        public Change<String> unmask() {
            return UnitControlChange.of(host, ops, root, name, Verb.UNMASK);
        }

        /** Start (undo: stop); nothing when it runs; yields the active state after. */
        public Change<String> start() {
            return UnitControlChange.of(host, ops, root, name, Verb.START);
        }

        /** Stop (undo: start); nothing when it is stopped; yields the active state after. */
        public Change<String> stop() {
            return UnitControlChange.of(host, ops, root, name, Verb.STOP);
        }

        /** Restart; undone by a stop only when it was stopped before; yields the active state after. */
        public Change<String> restart() {
            return UnitControlChange.of(host, ops, root, name, Verb.RESTART);
        }

        /** Reload its configuration ({@code ExecReload}); refused when it does not run; cannot be undone. */
        public Change<String> reload() {
            return UnitControlChange.of(host, ops, root, name, Verb.RELOAD);
        }
    }
}
