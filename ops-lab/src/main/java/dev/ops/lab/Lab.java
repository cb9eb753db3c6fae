package dev.ops.lab;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.lab.backup.Backups;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.layer.Layers;
import dev.ops.lab.replicate.Replication;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveClient;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.secret.Secret;
import dev.ops.core.secret.source.Doppler;
import dev.ops.core.secret.source.SecretChain;
import dev.ops.core.secret.source.SecretSource;
import dev.ops.core.secret.source.SecretSources;
import dev.ops.lab.restore.Restores;
import dev.ops.lab.runway.Runway;
import dev.ops.lab.safety.SafetySnapshots;
import dev.ops.lab.site.ProxmoxEndpoint;
import dev.ops.lab.site.SecretSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * The lab of {@code site}, its client made from the site's endpoint with the token read from
     * {@code secrets} (the certificate pinned when the site pins one). A
     * {@link dev.ops.core.error.NotFoundException} names a secret no source holds.
     */
    public static Lab connect(Site site, SecretSource secrets) {
        ProxmoxEndpoint e = site.endpoint();
        Secret tokenId = require(secrets, e.tokenId().name());
        Secret tokenSecret = require(secrets, e.tokenSecret().name());
        PveClient.Builder b = PveClient.builder().baseUrl(e.url()).name(site.name()).apiToken(tokenId.reveal(), tokenSecret);
        e.pinnedFingerprint().ifPresentOrElse(b::pinnedCertificate, b::trustSystemCertificates);
        return builder().site(site).client(b.build()).build();
    }

    private static Secret require(SecretSource secrets, String name) {
        return secrets.find(name).orElseThrow(() -> new NotFoundException("secret " + name, "not in any source (" + secrets.describe() + ")"));
    }

    /** The site's secret sources, in the site's order, seeing {@code environment} (DOPPLER=0 there turns Doppler off). */
    public static SecretChain secrets(Site site, Map<String, String> environment) {
        SecretSettings s = site.secrets();
        List<SecretSource> sources = new ArrayList<>();
        for (String kind : s.sources()) {
            switch (kind) {
                case "env" -> sources.add(SecretSources.environment(environment));
                case "file" -> sources.add(SecretSources.files(Path.of(s.directory())));
                case "command" -> sources.add(SecretSources.command(s.command(), environment));
                default -> sources.add(Doppler.builder().project(s.dopplerProject()).config(s.dopplerConfig()).environment(environment).build());
            }
        }
        return SecretChain.of(sources);
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

    /** Restores under a new identity, journaled in {@code ops}. */
    public Restores restores(Ops ops) {
        return Restores.on(this, ops);
    }

    /** Backups of the site's guests, recorded in the catalog, journaled in {@code ops}. */
    public Backups backups(Ops ops) {
        return Backups.on(this, ops);
    }

    /** Safety snapshots before rebuilds, configuration changes and upgrades, journaled in {@code ops}. */
    public SafetySnapshots safety(Ops ops) {
        return SafetySnapshots.on(this, ops);
    }

    /** The layers (L1 templates, L2 guests, L3 hosts, L4 services), journaled in {@code ops}. */
    public Layers layers(Ops ops) {
        return Layers.on(this, ops);
    }

    /** The L0 runway of this lab: every check, nothing changed. */
    public Runway runway() {
        return Runway.of(this);
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
