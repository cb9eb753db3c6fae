package dev.ops.pbs;

import dev.ops.core.Ops;
import dev.ops.core.change.Targets;
import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.pve.JsonValue;
import dev.ops.pve.PveApi;
import dev.ops.pve.PveClient;
import dev.ops.pve.internal.Dialect;
import dev.ops.pve.task.PollPolicy;
import dev.ops.pve.task.PveTask;
import dev.ops.pve.task.TimeSource;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Proxmox Backup Server API client: immutable, thread-safe and meant to be shared. It speaks
 * through ops-pve's transport (authentication, TLS pinning, retries, typed errors, task waiting) in
 * the PBS dialect: {@code PBSAPIToken=user@realm!name:secret}, the {@code PBSAuthCookie} ticket, port
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
public final class PbsClient implements AutoCloseable {
    /** The port PBS's API listens on. */
    public static final int DEFAULT_PORT = 8007;
    /** The node name PBS answers to for itself. */
    public static final String LOCAL_NODE = "localhost";

    private final PveClient transport;

    private PbsClient(PveClient transport) {
        this.transport = transport;
    }

    /** A builder; give it at least a base URL, credentials and how to trust the server. */
    public static Builder builder() {
        return new Builder();
    }

    /** The endpoint name this client is known by in journals and {@link Targets} (default {@code host:port}). */
    public String name() {
        return transport.name();
    }

    /** The API base, e.g. {@code https://pbs:8007/api2/json}. */
    public String apiBase() {
        return transport.apiBase();
    }

    /**
     * The untyped API, the raw way out: calls made through it act at once, with no plan, journal or
     * rollback.
     */
    public PveApi api() {
        return transport.api();
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

    /** A handle on the task {@code upid} (a PBS UPID), with the same outcome model as ops-pve's tasks. */
    public PveTask task(String upid) {
        return PveTask.of(transport, upid);
    }

    /** The changes of this server (plan, apply, rollback), journaled in {@code ops}. */
    public PbsChanges changes(Ops ops) {
        return new PbsChanges(this, Objects.requireNonNull(ops, "ops"));
    }

    /** Targets holding this client's transport under its name, for journal recovery and rollback in a fresh JVM. */
    public Targets targets() {
        return transport.targets();
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "PbsClient[" + name() + "]";
    }

    /** Builds a {@link PbsClient}; every problem with the settings is reported at once by {@link #build()}. */
    public static final class Builder {
        private final PveClient.Builder pve = PveClient.builder().dialect(Dialect.PBS);
        private String baseUrl;

        Builder() {}

        /** The server, e.g. {@code https://pbs:8007}; port 8007 when none is given, {@code /api2/json} added. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Allows plain {@code http://} to a loopback host only (a test server). */
        public Builder allowPlainHttpToLoopback() {
            pve.allowPlainHttpToLoopback();
            return this;
        }

        /** The endpoint name journals and {@link Targets} know this client by (default {@code host:port}). */
        public Builder name(String name) {
            pve.name(name);
            return this;
        }

        /** Authenticates with the API token {@code user!tokenId}, sent as {@code PBSAPIToken=user@realm!tokenId:secret}. */
        public Builder apiToken(String user, String tokenId, Secret secret) {
            pve.apiToken(user, tokenId, secret);
            return this;
        }

        /** Authenticates with a user and password, exchanged for a {@code PBSAuthCookie} ticket. */
        public Builder login(String user, Secret password) {
            pve.login(user, password);
            return this;
        }

        /** Trusts the server whose certificate has this SHA-256 fingerprint (as {@code proxmox-backup-manager cert info} shows it). */
        public Builder pinnedCertificate(String sha256Fingerprint) {
            pve.pinnedCertificate(sha256Fingerprint);
            return this;
        }

        /** Trusts certificates issued by this CA (PEM). */
        public Builder trustCertificatePem(String pem) {
            pve.trustCertificatePem(pem);
            return this;
        }

        /** Trusts the JVM's CA certificates. */
        public Builder trustSystemCertificates() {
            pve.trustSystemCertificates();
            return this;
        }

        /** How long one call may take as a whole. */
        public Builder callTimeout(Duration timeout) {
            pve.callTimeout(timeout);
            return this;
        }

        /** How task waits poll. */
        public Builder pollPolicy(PollPolicy policy) {
            pve.pollPolicy(policy);
            return this;
        }

        /** The clock and sleeper for retries and task waits (tests give a fake one). */
        public Builder timeSource(TimeSource time) {
            pve.timeSource(time);
            return this;
        }

        /** Checks every setting, reporting all problems at once, and builds the client. */
        public PbsClient build() {
            pve.baseUrl(withDefaultPort(baseUrl));
            return new PbsClient(pve.build());
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
