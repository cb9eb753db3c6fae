package dev.ops.pbs;

import dev.ops.core.Ops;
import dev.ops.core.error.Violations;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.internal.Dialect;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Proxmox Backup Server API client: immutable, thread-safe and meant to be shared. It is a
 * {@link ProxmoxClient}, the transport it shares with the Proxmox VE client (authentication, TLS
 * pinning, retries, typed errors, task waiting), spoken in the PBS dialect: {@code PBSAPIToken=user@realm!name:secret}, the {@code PBSAuthCookie} ticket, port
 * 8007.
 *
 * <pre>{@code
 * PbsClient pbs = PbsClient.builder()
 *         .baseUrl("https://pbs:8007")
 *         .apiToken("root@pam", "ops", Secret.of("..."))
 *         .pinnedCertificate("AB:CD:...")
 *         .build();
 * List<Snapshot> snaps = pbs.datastore("store1").snapshots(Namespace.root());          // reads
 * pbs.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(3)).apply(); // changes
 * }</pre>
 */
public final class PbsClient extends ProxmoxClient {
    /** The port PBS's API listens on. */
    public static final int DEFAULT_PORT = 8007;
    /** The node name PBS answers to for itself. */
    public static final String LOCAL_NODE = "localhost";

    private PbsClient(Builder b) {
        super(b);
    }

    /** A builder; give it at least a base URL, credentials and how to trust the server. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this client's settings, to build a variant (the variant has its own connections and ticket). */
    public Builder newBuilder() {
        return settingsInto(new Builder());
    }

    /** {@code GET /admin/datastore}: the datastores this user may see, by name. */
    public List<DatastoreSummary> datastores() {
        List<DatastoreSummary> out = new ArrayList<>();
        api().get("/admin/datastore").elements().forEach(e -> out.add(DatastoreSummary.from(e)));
        out.sort(java.util.Comparator.comparing(DatastoreSummary::name));
        return out;
    }

    /** The datastore of that name (not checked to exist until read). */
    public Datastore datastore(String name) {
        Violations.of("datastore").check(name != null && !name.isBlank(), "store", "must be given").throwIfAny();
        return new Datastore(this, name);
    }

    /**
     * The time zone of the PBS host ({@code GET /nodes/localhost/time}), whose calendar a prune's days,
     * weeks, months and years follow. A zone that this JVM does not know is an error, never UTC.
     */
    public ZoneId timeZone() {
        JsonValue v = api().get("/nodes/{node}/time", Map.of("node", LOCAL_NODE));
        String zone = v.path("timezone").asText("");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            Violations.of("PBS host time").add("timezone", "the PBS host's time zone '" + zone + "' is not a known zone").throwIfAny();
            throw new IllegalStateException("unreachable");
        }
    }

    /** The server's jobs, remotes and traffic-control rules, read as typed values. */
    public PbsConfiguration configuration() {
        return new PbsConfiguration(this);
    }

    /** The changes of this server (plan, apply, rollback), journaled in {@code ops}. */
    public PbsChanges changes(Ops ops) {
        return new PbsChanges(this, Objects.requireNonNull(ops, "ops"));
    }

    /**
     * Builds a {@link PbsClient}: the settings of {@link ProxmoxClient.Settings} (credentials, trust,
     * timeouts, retries, polling), spoken in the PBS dialect; port 8007 when the base URL names none.
     * Every problem with the settings is reported at once by {@link #build()}.
     */
    public static final class Builder extends ProxmoxClient.Settings<Builder> {
        Builder() {
            super(Dialect.PBS);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The server, e.g. {@code https://pbs:8007}; port 8007 when none is given, {@code /api2/json} added. */
        @Override
        public Builder baseUrl(String baseUrl) {
            return super.baseUrl(withDefaultPort(baseUrl));
        }

        /** Checks every setting, reporting all problems at once, and builds the client. */
        public PbsClient build() {
            return new PbsClient(this);
        }

        /** The URL with port 8007 added when it names none; anything unparsable is left for the transport to report. */
        static String withDefaultPort(String url) {
            if (url == null) {
                return null;
            }
            try {
                URI u = new URI(url.contains("://") ? url : "https://" + url);
                if (u.getHost() == null || u.getPort() != -1) {
                    return url;
                }
                return new URI(u.getScheme(), u.getUserInfo(), u.getHost(), DEFAULT_PORT, u.getPath(), u.getQuery(), u.getFragment()).toString();
            } catch (java.net.URISyntaxException e) {
                return url;
            }
        }
    }
}
