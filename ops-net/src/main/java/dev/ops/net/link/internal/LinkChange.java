package dev.ops.net.link.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Action;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.net.link.HostLockoutException;
import dev.ops.net.link.Link;
import dev.ops.net.link.Route;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates, changes or deletes one link with {@code ip link}. The plan lists the exact commands;
 * a link already as described plans nothing; rollback undoes exactly what apply did, newest
 * first (a deleted link is recreated with its settings, ports, addresses and static routes).
 * Cutting the link that carries the default route or the SSH session is refused with a
 * {@link HostLockoutException} unless the request confirmed the disruption. The links it names
 * (a VLAN's parent, ports and slaves, a master) must exist when it is planned, else the plan fails
 * with a {@link NotFoundException} naming every missing one.
 *
 * @param <T> the link as it is after apply ({@link Present}), or what is left of it ({@link Absent})
 */
public abstract sealed class LinkChange<T> extends HostChange<T, Void> {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@-]{1,15}");
    static final int MIN_MTU = 68;
    static final int MAX_MTU = 65535;

    private final LinkSpec spec;
    private final boolean present;
    private final boolean confirmed;

    private LinkChange(Host host, Ops ops, LinkSpec spec, boolean present, boolean confirmed) {
        super(host, ops);
        this.spec = spec;
        this.present = present;
        this.confirmed = confirmed;
    }

    /** The change that creates the link if missing and brings it to {@code spec}; {@code confirmed} allows cutting a lifeline. */
    public static Change<Link> present(Host host, Ops ops, LinkSpec spec, boolean confirmed) {
        return new Present(host, ops, spec, confirmed);
    }

    /** The change that deletes the link if it exists; {@code confirmed} allows cutting a lifeline. */
    public static Change<Optional<Link>> absent(Host host, Ops ops, LinkSpec spec, boolean confirmed) {
        return new Absent(host, ops, spec, confirmed);
    }

    /** Makes the link present; yields it as read back after apply. */
    static final class Present extends LinkChange<Link> {
        Present(Host host, Ops ops, LinkSpec spec, boolean confirmed) {
            super(host, ops, spec, true, confirmed);
        }

        @Override
        protected Link result(Void context) {
            String name = super.spec.name();
            return NetState.read(host).link(name).orElseThrow(() -> new NotFoundException("link " + name, "missing on " + host.name() + " after apply"));
        }
    }

    /** Makes the link absent; yields what is left of it (empty after a successful apply). */
    static final class Absent extends LinkChange<Optional<Link>> {
        Absent(Host host, Ops ops, LinkSpec spec, boolean confirmed) {
            super(host, ops, spec, false, confirmed);
        }

        @Override
        protected Optional<Link> result(Void context) {
            return NetState.read(host).link(super.spec.name());
        }
    }

    @Override
    public String description() {
        return (present ? "link " : "delete link ") + spec.name() + spec.kind().map(k -> " (" + k + ")").orElse("") + " on " + host.name();
    }

    static boolean validName(String n) {
        return n != null && NAME.matcher(n).matches() && !n.equals(".") && !n.equals("..");
    }

    @Override
    protected void validate(Violations v) {
        v.check(validName(spec.name()), "name", "'" + spec.name() + "' is not a link name (1-15 of A-Z a-z 0-9 _ . - @)");
        String kind = spec.kind().orElse("");
        spec.vlanId().ifPresent(id -> v.check(id >= 1 && id <= 4094, "vlanId", "VLAN id " + id + " is outside 1-4094"));
        spec.mtu().ifPresent(m -> v.check(m >= MIN_MTU && m <= MAX_MTU, "mtu", "MTU " + m + " is outside " + MIN_MTU + "-" + MAX_MTU));
        spec.miimon().ifPresent(m -> v.check(m >= 0, "miimon", "must not be negative"));
        v.check(spec.vlanId().isEmpty() || kind.equals("vlan"), "vlanId", "only a VLAN has an id");
        v.check(spec.parent().isEmpty() || kind.equals("vlan"), "parent", "only a VLAN has a parent link");
        v.check(spec.peer().isEmpty() || kind.equals("veth"), "peer", "only a veth has a peer");
        v.check(spec.vlanAware().isEmpty() || kind.equals("bridge"), "vlanAware", "only a bridge is VLAN-aware");
        v.check(spec.bondMode().isEmpty() && spec.miimon().isEmpty() || kind.equals("bond"), "bondMode", "only a bond has a mode and miimon");
        v.check(spec.ports().isEmpty() || kind.equals("bridge") || kind.equals("bond"), "ports", "only a bridge or a bond has ports");
        spec.ports().forEach(p -> v.check(validName(p), "ports", "'" + p + "' is not a link name"));
        spec.master().filter(m -> !m.isEmpty()).ifPresent(m -> v.check(validName(m), "master", "'" + m + "' is not a link name"));
        spec.peer().ifPresent(p -> v.check(validName(p), "peer", "'" + p + "' is not a link name"));
        if (present && kind.equals("vlan")) {
            v.check(spec.parent().isPresent(), "parent", "a VLAN needs a parent link");
            v.check(spec.vlanId().isPresent(), "vlanId", "a VLAN needs an id");
            spec.parent().ifPresent(p -> v.check(validName(p), "parent", "'" + p + "' is not a link name"));
        }
        if (present && kind.equals("veth")) {
            v.check(spec.peer().isPresent(), "peer", "a veth needs a peer name");
        }
    }

    /**
     * Checks the current links against the spec: a missing link that the spec names is a
     * {@link NotFoundException} listing every one; a link that exists as something else is a
     * validation error.
     */
    private void checkAgainst(NetState state) {
        Violations v = Violations.of(description());
        Optional<Link> current = state.link(spec.name());
        Set<String> missing = new LinkedHashSet<>();
        if (present) {
            if (current.isEmpty() && spec.kind().isEmpty()) {
                missing.add(spec.name());
            }
            current.ifPresent(c -> {
                spec.kind().ifPresent(k -> v.check(c.is(k), "kind", spec.name() + " exists as " + c.kind().orElse("a physical link") + ", not " + k));
                spec.parent().ifPresent(p -> v.check(c.parent().map(p::equals).orElse(false), "parent",
                        spec.name() + " exists on parent " + c.parent().orElse("?") + ", not " + p + "; delete it first"));
                spec.vlanId().ifPresent(id -> v.check(c.vlanId().orElse(-1) == id, "vlanId",
                        spec.name() + " exists with VLAN id " + c.vlanId().orElse(-1) + ", not " + id + "; delete it first"));
                spec.peer().ifPresent(p -> v.check(c.parent().map(p::equals).orElse(false), "peer",
                        spec.name() + " exists with peer " + c.parent().orElse("?") + ", not " + p));
            });
            spec.parent().filter(p -> state.link(p).isEmpty()).ifPresent(missing::add);
            spec.ports().stream().filter(p -> state.link(p).isEmpty()).forEach(missing::add);
            spec.master().filter(m -> !m.isEmpty() && state.link(m).isEmpty()).ifPresent(missing::add);
            spec.peer().filter(p -> current.isEmpty()).ifPresent(p -> v.check(state.link(p).isEmpty(), "peer",
                    "a link named " + p + " exists already"));
        } else {
            current.ifPresent(c -> {
                v.check(c.kind().isPresent() && !c.is("loopback"), "name", spec.name() + " is a physical or loopback link and cannot be deleted");
                spec.kind().ifPresent(k -> v.check(c.is(k), "kind", spec.name() + " exists as " + c.kind().orElse("a physical link") + ", not " + k));
            });
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("link " + String.join(", ", missing), "not on " + host.name() + " (named by " + description() + ")");
        }
        v.throwIfAny();
    }

    private Command ip(String... args) {
        List<String> argv = new ArrayList<>();
        argv.add("ip");
        argv.addAll(List.of(args));
        return Command.of(argv).asRoot();
    }

    private Action cmd(Command c) {
        return CommandAction.of(host.name(), c);
    }

    private void guard(NetState state, String link, String action) {
        if (confirmed) {
            return;
        }
        state.lifeline(link).ifPresent(why -> {
            throw new HostLockoutException(host.name(), link, action, link + " matters because " + why);
        });
    }

    @Override
    protected Planned<Void> planSteps() {
        NetState state = NetState.read(host);
        checkAgainst(state);
        return Planned.of(steps(state));
    }

    private List<Step> steps(NetState state) {
        Optional<Link> current = state.link(spec.name());
        List<Step> steps = new ArrayList<>();
        String n = spec.name();
        if (!present) {
            if (current.isPresent()) {
                guard(state, n, "delete " + n);
                steps.add(Step.of("delete " + current.get().kind().orElse("link") + " " + n, cmd(ip("link", "del", "dev", n)),
                        new IpCommandsAction(host.name(), recreate(state, current.get()))));
            }
            return steps;
        }
        boolean created = current.isEmpty();
        if (created) {
            steps.add(Step.of("create " + spec.kind().orElseThrow() + " " + n, cmd(createCommand()), cmd(ip("link", "del", "dev", n))));
        } else {
            Link c = current.get();
            spec.mtu().ifPresent(m -> {
                if (c.mtu() != m) {
                    steps.add(Step.of("set MTU of " + n + " to " + m, cmd(ip("link", "set", "dev", n, "mtu", String.valueOf(m))),
                            cmd(ip("link", "set", "dev", n, "mtu", String.valueOf(c.mtu())))));
                }
            });
            spec.vlanAware().ifPresent(a -> {
                if (!c.vlanAware().orElse(false).equals(a)) {
                    steps.add(Step.of((a ? "make " : "stop ") + n + (a ? " VLAN-aware" : " filtering VLANs"),
                            cmd(ip("link", "set", "dev", n, "type", "bridge", "vlan_filtering", a ? "1" : "0")),
                            cmd(ip("link", "set", "dev", n, "type", "bridge", "vlan_filtering", a ? "0" : "1"))));
                }
            });
            spec.bondMode().ifPresent(m -> {
                if (!c.bondMode().map(m.kernelName()::equals).orElse(false)) {
                    steps.add(Step.of("set bond mode of " + n + " to " + m.kernelName(),
                            cmd(ip("link", "set", "dev", n, "type", "bond", "mode", m.kernelName())),
                            cmd(ip("link", "set", "dev", n, "type", "bond", "mode", c.bondMode().orElse("balance-rr")))));
                }
            });
            spec.miimon().ifPresent(m -> {
                if (c.miimon().orElse(-1) != m) {
                    steps.add(Step.of("set miimon of " + n + " to " + m,
                            cmd(ip("link", "set", "dev", n, "type", "bond", "miimon", String.valueOf(m))),
                            cmd(ip("link", "set", "dev", n, "type", "bond", "miimon", String.valueOf(c.miimon().orElse(0))))));
                }
            });
        }
        boolean bond = spec.kind().map("bond"::equals).orElse(false);
        for (String p : spec.ports()) {
            Link port = state.link(p).orElseThrow(() -> new NotFoundException("link " + p, "not on " + host.name()));
            if (port.master().map(n::equals).orElse(false)) {
                continue;
            }
            if (port.master().isPresent()) {
                guard(state, p, "move " + p + " from " + port.master().get() + " to " + n);
            }
            if (bond && port.isUp()) {
                guard(state, p, "take " + p + " down to enslave it to " + n);
                steps.add(Step.of("take " + p + " down to enslave it", cmd(ip("link", "set", "dev", p, "down")),
                        cmd(ip("link", "set", "dev", p, "up"))));
            }
            steps.add(Step.of("enslave " + p + " to " + n, cmd(ip("link", "set", "dev", p, "master", n)),
                    cmd(port.master().map(m -> ip("link", "set", "dev", p, "master", m)).orElse(ip("link", "set", "dev", p, "nomaster")))));
        }
        Optional<String> oldMaster = current.flatMap(Link::master);
        spec.master().ifPresent(m -> {
            if (m.isEmpty() && oldMaster.isPresent()) {
                guard(state, n, "release " + n + " from " + oldMaster.get());
                steps.add(Step.of("release " + n + " from " + oldMaster.get(), cmd(ip("link", "set", "dev", n, "nomaster")),
                        cmd(ip("link", "set", "dev", n, "master", oldMaster.get()))));
            } else if (!m.isEmpty() && !oldMaster.map(m::equals).orElse(false)) {
                if (oldMaster.isPresent()) {
                    guard(state, n, "move " + n + " from " + oldMaster.get() + " to " + m);
                }
                steps.add(Step.of("enslave " + n + " to " + m, cmd(ip("link", "set", "dev", n, "master", m)),
                        cmd(oldMaster.map(o -> ip("link", "set", "dev", n, "master", o)).orElse(ip("link", "set", "dev", n, "nomaster")))));
            }
        });
        boolean isUp = current.map(Link::isUp).orElse(false);
        spec.up().ifPresent(u -> {
            if (u && !isUp) {
                steps.add(Step.of("bring " + n + " up", cmd(ip("link", "set", "dev", n, "up")), cmd(ip("link", "set", "dev", n, "down"))));
            } else if (!u && isUp) {
                guard(state, n, "take " + n + " down");
                steps.add(Step.of("take " + n + " down", cmd(ip("link", "set", "dev", n, "down")), cmd(ip("link", "set", "dev", n, "up"))));
            }
        });
        return steps;
    }

    private Command createCommand() {
        String n = spec.name();
        List<String> a = new ArrayList<>(List.of("link", "add"));
        if (spec.kind().orElseThrow().equals("vlan")) {
            a.addAll(List.of("link", spec.parent().orElseThrow()));
        }
        a.addAll(List.of("name", n));
        spec.mtu().ifPresent(m -> a.addAll(List.of("mtu", String.valueOf(m))));
        a.addAll(List.of("type", spec.kind().get()));
        switch (spec.kind().get()) {
            case "bridge" -> spec.vlanAware().filter(x -> x).ifPresent(x -> a.addAll(List.of("vlan_filtering", "1")));
            case "vlan" -> a.addAll(List.of("id", String.valueOf(spec.vlanId().orElseThrow())));
            case "bond" -> {
                spec.bondMode().ifPresent(m -> a.addAll(List.of("mode", m.kernelName())));
                spec.miimon().ifPresent(m -> a.addAll(List.of("miimon", String.valueOf(m))));
            }
            case "veth" -> a.addAll(List.of("peer", "name", spec.peer().orElseThrow()));
            default -> throw new IllegalStateException("cannot create links of kind " + spec.kind().get());
        }
        return ip(a.toArray(String[]::new));
    }

    /** The commands that bring a deleted link back as it was read. */
    private List<Command> recreate(NetState state, Link c) {
        String n = c.name();
        List<Command> out = new ArrayList<>();
        List<String> a = new ArrayList<>(List.of("link", "add"));
        if (c.is("vlan")) {
            a.addAll(List.of("link", c.parent().orElseThrow()));
        }
        a.addAll(List.of("name", n, "mtu", String.valueOf(c.mtu())));
        c.mac().filter(m -> !c.is("bond") && !c.is("bridge")).ifPresent(m -> a.addAll(List.of("address", m)));
        a.addAll(List.of("type", c.kind().orElseThrow()));
        Optional<Link> peer = Optional.empty();
        switch (c.kind().get()) {
            case "bridge" -> c.vlanAware().filter(x -> x).ifPresent(x -> a.addAll(List.of("vlan_filtering", "1")));
            case "vlan" -> a.addAll(List.of("id", String.valueOf(c.vlanId().orElseThrow())));
            case "bond" -> {
                c.bondMode().ifPresent(m -> a.addAll(List.of("mode", m)));
                c.miimon().ifPresent(m -> a.addAll(List.of("miimon", String.valueOf(m))));
            }
            case "veth" -> {
                peer = c.parent().flatMap(state::link);
                a.addAll(List.of("peer", "name", c.parent().orElseThrow()));
                peer.ifPresent(p -> a.addAll(List.of("mtu", String.valueOf(p.mtu()))));
                peer.flatMap(Link::mac).ifPresent(m -> a.addAll(List.of("address", m)));
            }
            default -> { }
        }
        out.add(ip(a.toArray(String[]::new)));
        List<Link> restored = new ArrayList<>(List.of(c));
        peer.ifPresent(restored::add);
        for (Link l : restored) {
            l.master().ifPresent(m -> out.add(ip("link", "set", "dev", l.name(), "master", m)));
            for (Link port : state.portsOf(l.name())) {
                out.add(ip("link", "set", "dev", port.name(), "master", l.name()));
            }
            for (var addr : state.addressesOf(l.name())) {
                out.add(ip("address", "add", addr.cidr().toString(), "dev", l.name()));
            }
            if (l.isUp()) {
                out.add(ip("link", "set", "dev", l.name(), "up"));
            }
            for (Route r : state.staticRoutesOf(l.name())) {
                out.add(RouteChange.addCommand(r.destination(), r.gateway(), Optional.of(l.name()), r.metric()).asRoot());
            }
        }
        return out;
    }
}
