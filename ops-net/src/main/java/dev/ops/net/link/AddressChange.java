package dev.ops.net.link;

import dev.ops.core.Ops;
import dev.ops.core.change.AbstractChange;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.Plan;
import dev.ops.core.change.Step;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.host.Command;
import dev.ops.core.host.Host;
import dev.ops.net.Cidr;
import dev.ops.net.link.internal.NetState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Adds or removes one address on a link ({@code ip address add|del CIDR dev LINK}). Removing an
 * address of a link that carries the default route or the SSH session, when the gateway or the
 * session's local address lies in it, is refused unless confirmed.
 */
public final class AddressChange extends AbstractChange<List<LinkAddress>> {
    private final Host host;
    private final String link;
    private final String cidrText;
    private final boolean present;
    private final boolean confirmed;
    private NetState state;

    AddressChange(Ops ops, Host host, String link, String cidr, boolean present, boolean confirmed) {
        super(ops);
        this.host = host;
        this.link = link;
        this.cidrText = cidr;
        this.present = present;
        this.confirmed = confirmed;
    }

    /** The same change, allowed to cut the host's default-route or SSH link. */
    public AddressChange confirmDisruption() {
        return new AddressChange(ops, host, link, cidrText, present, true);
    }

    @Override
    public String description() {
        return (present ? "address " : "remove address ") + cidrText + " on " + link + " of " + host.name();
    }

    @Override
    protected void validate(Violations v) {
        v.check(LinkChange.validName(link), "link", "'" + link + "' is not a link name");
        v.check(Cidr.tryParse(cidrText).isPresent(), "cidr", Cidr.problem(cidrText));
        if (!v.isEmpty()) {
            return;
        }
        state = NetState.read(host);
        v.check(state.link(link).isPresent(), "link", "no link named " + link + " on " + host.name());
    }

    @Override
    protected List<Step> computeSteps() {
        if (state == null) {
            state = NetState.read(host);
        }
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
                    new dev.ops.net.link.internal.IpCommandsAction(host.name(), restore)));
        }
        return steps;
    }

    @Override
    protected Targets targets() {
        return Targets.of(host);
    }

    @Override
    protected List<LinkAddress> result(Plan plan) {
        return NetState.read(host).addressesOf(link);
    }
}
