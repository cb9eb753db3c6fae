package dev.ops.lab;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.replicate.Replication;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveClient;
import java.util.function.Consumer;

/**
 * A site and the client of its cluster: the entry to the lab's features, each taking the {@link Ops}
 * its changes are journaled in ({@code lab.replication(ops)}, {@code lab.catalog(ops)}), as a
 * client's features do.
 *
 * <pre>{@code
 * Lab lab = Lab.builder().site(Site.load(dir)).client(client).build();
 * Ops ops = Ops.builder().store(store).policy(SitePolicy.of(lab.site(), approver)).build();
 * Applied<ReplicationTask> done = lab.replication(ops).replicate(r -> r.vmid(9000)).apply();
 * }</pre>
 */
public final class Lab {
    private final Site site;
    private final PveClient client;

    private Lab(Builder b) {
        this.site = b.site;
        this.client = b.client;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A lab built by {@code edit}. */
    public static Lab of(Consumer<Builder> edit) {
        Builder b = builder();
        edit.accept(b);
        return b.build();
    }

    public Site site() {
        return site;
    }

    public PveClient client() {
        return client;
    }

    /** Replication across nodes, journaled in {@code ops}. */
    public Replication replication(Ops ops) {
        return Replication.on(this, ops);
    }

    /** The metadata catalog in {@code ops}'s state store. */
    public Catalog catalog(Ops ops) {
        return Catalog.of(site, ops);
    }

    /** Builds a {@link Lab}. */
    public static final class Builder {
        private Site site;
        private PveClient client;

        private Builder() {}

        /** The site. */
        public Builder site(Site site) {
            this.site = site;
            return this;
        }

        /** The client of the site's cluster. */
        public Builder client(PveClient client) {
            this.client = client;
            return this;
        }

        /** The lab; a {@link dev.ops.core.error.ValidationException} when the site or client is missing. */
        public Lab build() {
            Violations v = Violations.of("lab");
            v.check(site != null, "site", "is required");
            v.check(client != null, "client", "is required");
            v.throwIfAny();
            return new Lab(this);
        }
    }
}
