package dev.ops.usr.sudo;

import dev.ops.core.error.Violations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One sudoers user specification: who ({@code users}, with {@code %group} entries), on which hosts,
 * as whom ({@code runAsUsers}, {@code runAsGroups}), whether without a password, and which commands.
 *
 * <pre>{@code
 * SudoRule rule = SudoRule.builder().users("deploy").groups("ops").runAsUsers("root").noPassword(true)
 *         .commands("/usr/bin/systemctl restart app").build();
 * rule.render();   // deploy,%ops ALL=(root) NOPASSWD: /usr/bin/systemctl restart app
 * }</pre>
 */
public record SudoRule(List<String> users, List<String> hosts, List<String> runAsUsers, List<String> runAsGroups, boolean noPassword,
        List<String> commands) {

    /** Copies the lists and checks every entry, listing every problem. */
    public SudoRule {
        users = List.copyOf(users);
        hosts = List.copyOf(hosts);
        runAsUsers = List.copyOf(runAsUsers);
        runAsGroups = List.copyOf(runAsGroups);
        commands = List.copyOf(commands);
        Violations v = Violations.of("sudo rule");
        v.check(!users.isEmpty(), "users", "must name at least one user or group");
        users.forEach(u -> SudoersSyntax.checkUser(v, "users", u));
        v.check(!hosts.isEmpty(), "hosts", "must name at least one host (or ALL)");
        hosts.forEach(h -> SudoersSyntax.checkHost(v, "hosts", h));
        runAsUsers.forEach(u -> SudoersSyntax.checkUser(v, "runAsUsers", u));
        runAsGroups.forEach(g -> SudoersSyntax.checkGroup(v, "runAsGroups", g));
        v.check(!commands.isEmpty(), "commands", "must name at least one command (or ALL)");
        commands.forEach(c -> SudoersSyntax.checkCommand(v, "commands", c));
        v.throwIfAny();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A rule built by {@code spec}. */
    public static SudoRule of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.users.addAll(users);
        b.hosts = new ArrayList<>(hosts);
        b.runAsUsers.addAll(runAsUsers);
        b.runAsGroups.addAll(runAsGroups);
        b.noPassword = noPassword;
        b.commands.addAll(commands);
        return b;
    }

    /** The line as written in a sudoers file, without a newline. */
    public String render() {
        StringBuilder out = new StringBuilder(String.join(",", users)).append(' ').append(String.join(",", hosts)).append('=');
        if (!runAsUsers.isEmpty() || !runAsGroups.isEmpty()) {
            out.append('(').append(String.join(",", runAsUsers));
            if (!runAsGroups.isEmpty()) {
                out.append(':').append(String.join(",", runAsGroups));
            }
            out.append(") ");
        }
        if (noPassword) {
            out.append("NOPASSWD: ");
        }
        out.append(String.join(", ", commands.stream().map(SudoersSyntax::escapeCommand).toList()));
        return out.toString();
    }

    /** Parses a line as {@link #render()} writes it. */
    public static SudoRule parse(String line) {
        Violations v = Violations.of("sudo rule line '" + line + "'");
        int sp = line.indexOf(' ');
        int eq = SudoersSyntax.indexOfUnescaped(line, '=', 0);
        v.check(sp > 0 && eq > sp, "line", "expected 'USERS HOSTS=[(RUNAS)] [NOPASSWD:] COMMANDS'");
        v.throwIfAny();
        Builder b = builder();
        b.users.addAll(SudoersSyntax.split(line.substring(0, sp), ','));
        b.hosts = new ArrayList<>(SudoersSyntax.split(line.substring(sp + 1, eq), ','));
        String rest = line.substring(eq + 1).strip();
        if (rest.startsWith("(")) {
            int close = rest.indexOf(')');
            v.check(close > 0, "runAs", "has no closing parenthesis");
            v.throwIfAny();
            String runAs = rest.substring(1, close);
            int colon = runAs.indexOf(':');
            String usersPart = colon < 0 ? runAs : runAs.substring(0, colon);
            if (!usersPart.isBlank()) {
                b.runAsUsers.addAll(SudoersSyntax.split(usersPart, ','));
            }
            if (colon >= 0) {
                b.runAsGroups.addAll(SudoersSyntax.split(runAs.substring(colon + 1), ','));
            }
            rest = rest.substring(close + 1).strip();
        }
        if (rest.startsWith("NOPASSWD:")) {
            b.noPassword = true;
            rest = rest.substring("NOPASSWD:".length()).strip();
        }
        SudoersSyntax.split(rest, ',').forEach(c -> b.commands.add(SudoersSyntax.unescape(c)));
        return b.build();
    }

    @Override
    public String toString() {
        return render();
    }

    /** Builds a {@link SudoRule}; hosts default to ALL. */
    public static final class Builder {
        private final List<String> users = new ArrayList<>();
        private List<String> hosts = new ArrayList<>(List.of("ALL"));
        private final List<String> runAsUsers = new ArrayList<>();
        private final List<String> runAsGroups = new ArrayList<>();
        private boolean noPassword;
        private final List<String> commands = new ArrayList<>();

        private Builder() {}

        /** Users the rule is for (names, {@code #uid}, or ALL). */
        public Builder users(String... names) {
            users.addAll(Arrays.asList(names));
            return this;
        }

        /** Groups the rule is for, written {@code %group}. */
        public Builder groups(String... names) {
            Arrays.stream(names).forEach(g -> users.add("%" + g));
            return this;
        }

        /** The hosts the rule applies on (default ALL). */
        public Builder hosts(String... names) {
            hosts = new ArrayList<>(Arrays.asList(names));
            return this;
        }

        /** The users commands may run as (sudo's default, root, when none). */
        public Builder runAsUsers(String... names) {
            runAsUsers.addAll(Arrays.asList(names));
            return this;
        }

        /** The groups commands may run as. */
        public Builder runAsGroups(String... names) {
            runAsGroups.addAll(Arrays.asList(names));
            return this;
        }

        /** Whether the commands run without asking for a password (NOPASSWD). */
        public Builder noPassword(boolean value) {
            noPassword = value;
            return this;
        }

        /** The commands: ALL, or absolute paths with arguments. */
        public Builder commands(String... lines) {
            commands.addAll(Arrays.asList(lines));
            return this;
        }

        public SudoRule build() {
            return new SudoRule(users, hosts, runAsUsers, runAsGroups, noPassword, commands);
        }
    }
}
