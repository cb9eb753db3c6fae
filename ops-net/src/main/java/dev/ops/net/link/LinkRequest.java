package dev.ops.net.link;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.host.Host;
import dev.ops.net.link.internal.LinkChange;
import dev.ops.net.link.internal.LinkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fluent description of a link, ended by {@link #present()} or {@link #absent()}, which return
 * the change to plan or apply. Not thread-safe; each call returns this request.
 *
 * <pre>{@code
 * Network.on(host, ops).bridge("vmbr1").vlanAware(true).ports("eth1").mtu(9000).up().present().apply();
 * }</pre>
 */
public final class LinkRequest {
    private final Ops ops;
    private final Host host;
    private final String name;
    private final Optional<String> kind;
    private Optional<String> parent = Optional.empty();
    private OptionalInt vlanId = OptionalInt.empty();
    private Optional<String> peer = Optional.empty();
    private Optional<Boolean> vlanAware = Optional.empty();
    private Optional<BondMode> bondMode = Optional.empty();
    private OptionalInt miimon = OptionalInt.empty();
    private final List<String> ports = new ArrayList<>();
    private OptionalInt mtu = OptionalInt.empty();
    private Optional<Boolean> up = Optional.empty();
    private Optional<String> master = Optional.empty();
    private boolean confirmed;

    LinkRequest(Host host, Ops ops, String name, Optional<String> kind) {
        this.host = host;
        this.ops = ops;
        this.name = name;
        this.kind = kind;
    }

    /** A VLAN's raw device. */
    public LinkRequest parent(String parentLink) {
        this.parent = Optional.of(parentLink);
        return this;
    }

    /** A VLAN's 802.1Q id (1 to 4094). */
    public LinkRequest id(int id) {
        this.vlanId = OptionalInt.of(id);
        return this;
    }

    /** A veth's peer name. */
    public LinkRequest peer(String peerName) {
        this.peer = Optional.of(peerName);
        return this;
    }

    /** Whether a bridge filters VLANs ({@code bridge-vlan-aware yes}). */
    public LinkRequest vlanAware(boolean aware) {
        this.vlanAware = Optional.of(aware);
        return this;
    }

    /** A bond's mode. */
    public LinkRequest mode(BondMode mode) {
        this.bondMode = Optional.of(mode);
        return this;
    }

    /** A bond's MII link monitoring interval in milliseconds. */
    public LinkRequest miimon(int millis) {
        this.miimon = OptionalInt.of(millis);
        return this;
    }

    /** Links to enslave to this bridge (ports) or bond (slaves); other members are left alone. */
    public LinkRequest ports(String... links) {
        this.ports.addAll(List.of(links));
        return this;
    }

    /** Same as {@link #ports}, in bond words. */
    public LinkRequest slaves(String... links) {
        return ports(links);
    }

    /** The MTU in bytes (68 to 65535). */
    public LinkRequest mtu(int bytes) {
        this.mtu = OptionalInt.of(bytes);
        return this;
    }

    /** The link should be up. */
    public LinkRequest up() {
        this.up = Optional.of(true);
        return this;
    }

    /** The link should be down. */
    public LinkRequest down() {
        this.up = Optional.of(false);
        return this;
    }

    /** Enslave this link to a bridge or bond. */
    public LinkRequest master(String masterLink) {
        this.master = Optional.of(masterLink);
        return this;
    }

    /** Release this link from any bridge or bond. */
    public LinkRequest noMaster() {
        this.master = Optional.of("");
        return this;
    }

    /**
     * Allows the change to cut the host's default-route or SSH link (take it down, delete it, move
     * it to another master); without it, such a plan fails with a {@link HostLockoutException}.
     */
    public LinkRequest confirmDisruption() {
        this.confirmed = true;
        return this;
    }

    private LinkSpec spec() {
        return new LinkSpec(name, kind, parent, vlanId, peer, vlanAware, bondMode, miimon, ports, mtu, up, master);
    }

    /** A change that creates the link if missing and brings it to this description; yields the link as it then is. */
    public Change<Link> present() {
        return LinkChange.present(host, ops, spec(), confirmed);
    }

    /**
     * A change that deletes the link if it exists (rollback recreates it with its ports, addresses
     * and routes); yields what is left of it, empty once deleted.
     */
    public Change<Optional<Link>> absent() {
        return LinkChange.absent(host, ops, spec(), confirmed);
    }
}
