package dev.ops.net.link.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.core.change.internal.HostChange;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.net.Cidr;
import dev.ops.net.link.HostLockoutException;
import dev.ops.net.link.LinkAddress;
import dev.ops.net.link.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds or removes one address on a link ({@code ip address add|del CIDR dev LINK}). Removing an
 * address of a link that carries the default route or the SSH session, when the gateway or the
 * session's local address lies in it, is refused unless confirmed. Adding an address to a link
 * that does not exist fails when planned, with a {@link NotFoundException}. Yields the link's
 * addresses after apply.
 */
public final class AddressChange extends HostChange<List<LinkAddress>, Void> {
    private final String link;
    private final String cidrText;
    private final boolean present;
    private final boolean confirmed;

    private AddressChange(Host host, Ops ops, String link, String cidr, boolean present, boolean confirmed) {
        super(host, ops);
        this.link = link;
        this.cidrText = cidr;
        this.present = present;
        this.confirmed = confirmed;
    }

    /** The change that adds {@code cidr} to {@code link}, or removes it; {@code confirmed} allows cutting a lifeline. */
    public static Change<List<LinkAddress>> of(Host host, Ops ops, String link, String cidr, boolean present, boolean confirmed) {
        return new AddressChange(host, ops, link, cidr, present, confirmed);
    }

    @Override
    public String description() {
        return (present ? "address " : "remove address ") + cidrText + " on " + link + " of " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(LinkChange.validName(link), "link", "'" + link + "' is not a link name");
        v.check(Cidr.tryParse(cidrText).isPresent(), "cidr", Cidr.problem(cidrText));
    }

    @Override
    protected Planned<Void> planSteps() {
        NetState state = NetState.read(host);
        if (state.link(link).isEmpty()) {
            if (!present) {
                return Planned.none(null);
            }
            throw new NotFoundException("link " + link, "not on " + host.name() + " (named by " + description() + ")");
        }
        return Planned.of(steps(state));
    }

    private List<Step> steps(NetState state) {
        Cidr cidr = Cidr.parse(cidrText);
        boolean exists = state.addresses().stream().anyMatch(a -> a.link().equals(link) && a.cidr().equals(cidr));
        Command add = Command.of("ip", "address", "add", cidr.toString(), "dev", link).asRoot();
        Command del = Command.of("ip", "address", "del", cidr.toString(), "dev", link).asRoot();
        List<Step> steps = new ArrayList<>();
        if (present && !exists) {
            steps.add(Step.of("add " + cidr + " to " + link, CommandAction.of(host.name(), add), CommandAction.of(host.name(), del)));
        } else if (!present && exists) {
            if (!confirmed) {
                Optional<String> why = state.lifeline(link);
                boolean carriesGateway = state.routes().stream().filter(Route::isDefault)
                        .anyMatch(r -> r.gateway().map(cidr.network()::contains).orElse(false));
                if (why.isPresent() && carriesGateway) {
                    throw new HostLockoutException(host.name(), link, "remove " + cidr + " from " + link,
                            link + " matters because " + why.get() + " and the gateway is reached through " + cidr);
                }
            }
            List<Command> restore = new ArrayList<>(List.of(add));
            for (Route r : state.staticRoutesOf(link)) {
                boolean through = r.gateway().map(cidr.network()::contains).orElse(false);
                if (through) {
                    restore.add(RouteChange.addCommand(r.destination(), r.gateway(), r.device(), r.metric()).asRoot());
                }
            }
            steps.add(Step.of("remove " + cidr + " from " + link, CommandAction.of(host.name(), del),
                    new IpCommandsAction(host.name(), restore)));
        }
        return steps;
    }

    @Override
    protected List<LinkAddress> result(Void context) {
        return NetState.read(host).addressesOf(link);
    }
}
