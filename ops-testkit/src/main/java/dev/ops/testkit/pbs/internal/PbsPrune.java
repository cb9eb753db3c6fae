package dev.ops.testkit.pbs.internal;

import dev.ops.core.retention.RetentionDecision;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PBS's prune of one backup group, answered with ops-core's retention engine in the host's time zone. */
final class PbsPrune {
    private PbsPrune() {}

    /** Prunes one group of namespace {@code ns} by the {@code keep-*} options of {@code p}; the decisions, as PBS lists them. */
    static List<Object> group(PbsState.Store store, String zone, String ns, String type, String id, Map<String, ?> p, boolean dryRun) {
        RetentionPolicy.Builder b = RetentionPolicy.builder().zone(zone);
        keep(p, "keep-last").ifPresent(b::keepLast);
        keep(p, "keep-hourly").ifPresent(b::keepHourly);
        keep(p, "keep-daily").ifPresent(b::keepDaily);
        keep(p, "keep-weekly").ifPresent(b::keepWeekly);
        keep(p, "keep-monthly").ifPresent(b::keepMonthly);
        keep(p, "keep-yearly").ifPresent(b::keepYearly);
        RetentionPolicy policy = b.build();
        List<RetentionItem> items = new ArrayList<>();
        Map<String, PbsState.Snap> byPath = new LinkedHashMap<>();
        for (PbsState.Snap sn : store.in(ns).values()) {
            if (!sn.type.equals(type) || !sn.id.equals(id)) {
                continue;
            }
            RetentionItem item = RetentionItem.of(sn.path(), Instant.ofEpochSecond(sn.time)).inGroup(sn.group());
            item = sn.isProtected ? item.protect() : item;
            item = sn.finished ? item : item.unfinished();
            items.add(item);
            byPath.put(sn.path(), sn);
        }
        RetentionPlan plan = policy.plan(items, Instant.now());
        List<Object> out = new ArrayList<>();
        for (RetentionDecision d : plan.decisions()) {
            PbsState.Snap sn = byPath.get(d.item().id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backup-type", sn.type);
            m.put("backup-id", sn.id);
            m.put("backup-time", sn.time);
            m.put("keep", d.keeps());
            m.put("protected", sn.isProtected);
            out.add(m);
            if (!dryRun && !d.keeps()) {
                store.in(ns).remove(sn.path());
            }
        }
        return out;
    }

    private static Optional<Integer> keep(Map<String, ?> p, String name) {
        return Optional.ofNullable(p.get(name)).map(v -> dev.ops.core.text.AsciiNumbers.parseInt(String.valueOf(v)));
    }
}
