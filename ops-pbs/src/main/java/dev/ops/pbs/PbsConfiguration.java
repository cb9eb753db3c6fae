package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The server's jobs, remotes and traffic-control rules as typed values ({@code /config/...}), each
 * in the form {@link PbsChanges} takes, so that a read value can be changed and handed back. A
 * handle: it never changes anything. A remote's password is never shown by PBS, so remotes are read
 * as {@link RemoteInfo}.
 */
public final class PbsConfiguration {
    private final PbsClient client;

    PbsConfiguration(PbsClient client) {
        this.client = client;
    }

    /** {@code GET /config/prune}: the prune jobs, by id. */
    public List<PruneJobRequest> pruneJobs() {
        return read("/config/prune", v -> {
            PruneJobRequest.Builder b = PruneJobRequest.builder().id(text(v, "id")).store(text(v, "store")).schedule(text(v, "schedule"));
            ns(v, "ns").ifPresent(b::ns);
            number(v, "max-depth").ifPresent(b::maxDepth);
            number(v, "keep-last").ifPresent(b::keepLast);
            number(v, "keep-hourly").ifPresent(b::keepHourly);
            number(v, "keep-daily").ifPresent(b::keepDaily);
            number(v, "keep-weekly").ifPresent(b::keepWeekly);
            number(v, "keep-monthly").ifPresent(b::keepMonthly);
            number(v, "keep-yearly").ifPresent(b::keepYearly);
            optional(v, "comment").ifPresent(b::comment);
            return b.disabled(flag(v, "disable").orElse(false)).build();
        }, PruneJobRequest::id);
    }

    /** {@code GET /config/verify}: the verification jobs, by id. */
    public List<VerifyJobRequest> verifyJobs() {
        return read("/config/verify", v -> {
            VerifyJobRequest.Builder b = VerifyJobRequest.builder().id(text(v, "id")).store(text(v, "store"));
            optional(v, "schedule").ifPresent(b::schedule);
            ns(v, "ns").ifPresent(b::ns);
            number(v, "max-depth").ifPresent(b::maxDepth);
            flag(v, "ignore-verified").ifPresent(b::ignoreVerified);
            number(v, "outdated-after").ifPresent(b::outdatedAfterDays);
            optional(v, "comment").ifPresent(b::comment);
            return b.build();
        }, VerifyJobRequest::id);
    }

    /** {@code GET /config/sync?sync-direction=all}: the sync jobs that pull and those that push, by id (PBS lists only pulls unless asked). */
    public List<SyncJobRequest> syncJobs() {
        return read("/config/sync", dev.ops.pbs.internal.PbsChangeFactory.listQuery("sync"), v -> {
            SyncJobRequest.Builder b = SyncJobRequest.builder().id(text(v, "id")).store(text(v, "store")).remoteStore(text(v, "remote-store"))
                    .direction(SyncDirection.parse(optional(v, "sync-direction").orElse("")));
            ns(v, "ns").ifPresent(b::ns);
            optional(v, "remote").ifPresent(b::remote);
            ns(v, "remote-ns").ifPresent(b::remoteNs);
            number(v, "max-depth").ifPresent(b::maxDepth);
            optional(v, "schedule").ifPresent(b::schedule);
            flag(v, "remove-vanished").ifPresent(b::removeVanished);
            optional(v, "owner").ifPresent(b::owner);
            number(v, "transfer-last").ifPresent(b::transferLast);
            optional(v, "rate-in").ifPresent(b::rateIn);
            optional(v, "rate-out").ifPresent(b::rateOut);
            flag(v, "verified-only").ifPresent(b::verifiedOnly);
            b.groupFilter(list(v, "group-filter"));
            optional(v, "comment").ifPresent(b::comment);
            return b.build();
        }, SyncJobRequest::id);
    }

    /** {@code GET /config/traffic-control}: the traffic-control rules, by name. */
    public List<TrafficControlRequest> trafficControls() {
        return read("/config/traffic-control", v -> {
            TrafficControlRequest.Builder b = TrafficControlRequest.builder().name(text(v, "name")).network(list(v, "network"));
            optional(v, "rate-in").ifPresent(b::rateIn);
            optional(v, "rate-out").ifPresent(b::rateOut);
            optional(v, "burst-in").ifPresent(b::burstIn);
            optional(v, "burst-out").ifPresent(b::burstOut);
            b.timeframe(list(v, "timeframe")).users(list(v, "users"));
            optional(v, "comment").ifPresent(b::comment);
            return b.build();
        }, TrafficControlRequest::name);
    }

    /** {@code GET /config/remote}: the remotes, by name, without their passwords (PBS never shows them). */
    public List<RemoteInfo> remotes() {
        return read("/config/remote", v -> new RemoteInfo(text(v, "name"), text(v, "host"), number(v, "port").orElse(PbsClient.DEFAULT_PORT),
                text(v, "auth-id"), optional(v, "fingerprint").orElse("")), RemoteInfo::name);
    }

    /**
     * A remote as PBS shows it.
     *
     * @param name its name
     * @param host its host name or address
     * @param port its API port
     * @param authId who logs in there
     * @param fingerprint the certificate fingerprint it trusts, empty when none
     */
    public record RemoteInfo(String name, String host, int port, String authId, String fingerprint) {}

    private <T> List<T> read(String path, Function<JsonValue, T> each, Function<T, String> key) {
        return read(path, Map.of(), each, key);
    }

    private <T> List<T> read(String path, Map<String, ?> params, Function<JsonValue, T> each, Function<T, String> key) {
        List<T> out = new ArrayList<>();
        client.api().get(path, params).elements().forEach(e -> out.add(each.apply(e)));
        out.sort(Comparator.comparing(key));
        return out;
    }

    private static String text(JsonValue v, String name) {
        return v.path(name).asText("");
    }

    private static Optional<String> optional(JsonValue v, String name) {
        return Optional.ofNullable(Values.text(v, name)).filter(s -> !s.isEmpty());
    }

    private static Optional<Namespace> ns(JsonValue v, String name) {
        return optional(v, name).map(Namespace::of);
    }

    private static OptionalInt number(JsonValue v, String name) {
        Long n = Values.number(v, name);
        return n == null ? OptionalInt.empty() : OptionalInt.of(n.intValue());
    }

    private static Optional<Boolean> flag(JsonValue v, String name) {
        JsonValue f = v.path(name);
        if (f.isMissing() || f.isNull()) {
            return Optional.empty();
        }
        return Optional.of(f.isBoolean() ? f.asBoolean() : "1".equals(f.asText()) || "true".equals(f.asText()));
    }

    private static List<String> list(JsonValue v, String name) {
        JsonValue f = v.path(name);
        if (f.isArray()) {
            return f.elements().stream().map(JsonValue::asText).toList();
        }
        return f.isMissing() || f.isNull() ? List.of() : List.of(f.asText());
    }
}
