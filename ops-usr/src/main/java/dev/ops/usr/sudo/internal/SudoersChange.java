package dev.ops.usr.sudo.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.usr.ssh.internal.PathStat;
import dev.ops.usr.sudo.SudoDefault;
import dev.ops.usr.sudo.SudoRule;
import dev.ops.usr.sudo.SudoersDropIn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One sudoers drop-in made present with exactly the given content ({@link Present}, yielding it), or
 * absent ({@link Absent}, yielding nothing once removed).
 *
 * @param <T> the drop-in as installed, or what is left of it
 */
public abstract sealed class SudoersChange<T> extends HostChange<T, Void> {
    private final String name;
    private final List<SudoDefault> defaults;
    private final List<SudoRule> rules;
    private final boolean present;

    private SudoersChange(Host host, Ops ops, String name, List<SudoDefault> defaults, List<SudoRule> rules, boolean present) {
        super(host, ops);
        this.name = name;
        this.defaults = List.copyOf(defaults);
        this.rules = List.copyOf(rules);
        this.present = present;
    }

    /** The change that installs the drop-in {@code name} with exactly these lines (checked when planned); yields it. */
    public static Change<SudoersDropIn> present(Host host, Ops ops, String name, List<SudoDefault> defaults, List<SudoRule> rules) {
        return new Present(host, ops, name, defaults, rules);
    }

    /** The change that removes the drop-in named {@code name}; yields empty once removed. */
    public static Change<Optional<SudoersDropIn>> absent(Host host, Ops ops, String name) {
        return new Absent(host, ops, name);
    }

    /** Installs the drop-in. */
    static final class Present extends SudoersChange<SudoersDropIn> {
        Present(Host host, Ops ops, String name, List<SudoDefault> defaults, List<SudoRule> rules) {
            super(host, ops, name, defaults, rules, true);
        }

        @Override
        protected SudoersDropIn result(Void context) {
            return new SudoersDropIn(super.name, super.defaults, super.rules);
        }
    }

    /** Removes the drop-in. */
    static final class Absent extends SudoersChange<Optional<SudoersDropIn>> {
        Absent(Host host, Ops ops, String name) {
            super(host, ops, name, List.of(), List.of(), false);
        }

        @Override
        protected Optional<SudoersDropIn> result(Void context) {
            return Optional.empty();
        }
    }

    @Override
    public String description() {
        return "sudoers drop-in " + name + (present ? " present" : " absent") + " on " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        SudoersDropIn.checkName(v, name);
        if (present) {
            v.check(!rules.isEmpty() || !defaults.isEmpty(), "rules", "a drop-in needs at least one rule or Defaults line");
        }
    }

    private String path() {
        return SudoersDropIn.DIRECTORY + "/" + name;
    }

    @Override
    protected Planned<Void> planSteps() {
        List<Step> steps = steps();
        return new Planned<>(steps, notes(steps), null);
    }

    private List<Step> steps() {
        String h = host.name();
        if (!host.run(Command.of("test", "-d", SudoersDropIn.DIRECTORY).asRoot()).ok()) {
            throw new dev.ops.core.error.NotFoundException(SudoersDropIn.DIRECTORY, "does not exist on " + h + " (is sudo installed?)");
        }
        Optional<byte[]> current = host.readFile(path(), true);
        Optional<PathStat> stat = current.isPresent() ? PathStat.of(host, path()) : Optional.empty();
        // the undo puts back the very bytes, mode, owner and group that were there
        Optional<InstallSudoersAction> restore = current.map(old -> new InstallSudoersAction(h, path(), old,
                stat.map(PathStat::mode4).orElse("0440"), stat.map(PathStat::uid).orElse(0L), stat.map(PathStat::gid).orElse(0L), ""));
        String oldText = current.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        if (!present) {
            return restore.map(undo -> List.of(Step.of("remove " + path(), InstallSudoersAction.remove(h, path(), diff(oldText, "")), undo)))
                    .orElse(List.of());
        }
        String text = new SudoersDropIn(name, defaults, rules).render();
        CommandResult check = host.run(Command.builder().addArgv("visudo", "-c", "-f", "-").stdin(text).sudo(true).build());
        if (!check.ok()) {
            String said = (check.stderrText() + check.stdoutText()).strip();
            Violations.of(description()).add(blame(said), "visudo -cf refused the rendered drop-in: " + said.replace("\n", " | ")
                    + " ; rendered: " + text.strip().replace("\n", " | ")).throwIfAny();
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        boolean sameMode = stat.isPresent() && stat.get().mode4().equals("0440") && stat.get().uid() == 0 && stat.get().gid() == 0;
        if (current.isPresent() && java.util.Arrays.equals(current.get(), bytes) && sameMode) {
            return List.of();
        }
        InstallSudoersAction install = InstallSudoersAction.install(h, path(), bytes, diff(oldText, text));
        InstallSudoersAction undo = restore.orElse(InstallSudoersAction.remove(h, path(), ""));
        return List.of(Step.of((current.isPresent() ? "replace " : "install ") + path(), install, undo));
    }

    private static final java.util.regex.Pattern VISUDO_LINE = java.util.regex.Pattern.compile("(?m)(?:^[^:\\s]*:(\\d+):\\d+:|near line (\\d+))");

    /**
     * The field of the entry that visudo blames, from the line number in its message: line 1 is the
     * header, then one line per Defaults entry, then one per rule ({@code rendered} when it names no line).
     */
    private String blame(String visudoSaid) {
        java.util.regex.Matcher m = VISUDO_LINE.matcher(visudoSaid);
        if (!m.find()) {
            return "rendered";
        }
        String digits = m.group(1) != null ? m.group(1) : m.group(2);
        if (!dev.ops.core.text.AsciiNumbers.isDigits(digits) || digits.length() > 6) {
            return "rendered";
        }
        int index = dev.ops.core.text.AsciiNumbers.parseInt(digits) - 2;
        if (index >= 0 && index < defaults.size()) {
            return "defaults[" + index + "]";
        }
        index -= defaults.size();
        if (index >= 0 && index < rules.size()) {
            return "rules[" + index + "]";
        }
        return "rendered";
    }

    private static String diff(String before, String after) {
        List<String> out = new ArrayList<>();
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.add("- " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.add("+ " + l));
        return String.join("\n", out);
    }

    private List<String> notes(List<Step> steps) {
        List<String> notes = new ArrayList<>();
        if (present && !steps.isEmpty()) {
            CommandResult r = host.run(Command.of("grep", "-Eq", "^[@#]includedir[[:space:]]+/etc/sudoers.d/?[[:space:]]*$", "/etc/sudoers").asRoot());
            if (!r.ok()) {
                notes.add("/etc/sudoers has no '@includedir /etc/sudoers.d' line: sudo will not read this drop-in");
            }
        }
        return notes;
    }



}
