package dev.ops.core.retention.internal;

import dev.ops.core.error.Violations;
import dev.ops.core.retention.RetentionDecision;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.core.retention.RetentionReason;
import dev.ops.core.retention.RetentionRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Proxmox Backup Server's prune, one group at a time: newest first, the unfinished snapshots
 * marked first, then each keep rule in order, each keeping the newest snapshot of each of its N
 * newest periods while skipping periods an earlier rule kept one in and snapshots an earlier rule
 * already decided on; protected (and pinned) snapshots are marked on the way and never counted.
 * The age limit, the count limit and the minimum-age guard come after.
 */
public final class RetentionEngine {
    /** Newest first; equal times by id, so the outcome does not depend on the input order. */
    private static final Comparator<RetentionItem> NEWEST_FIRST =
            Comparator.comparing(RetentionItem::time).thenComparingLong(RetentionItem::order).thenComparing(RetentionItem::id).reversed();

    private RetentionEngine() {}

    /** The decisions for {@code items} under {@code policy}, groups in name order, newest first. */
    public static RetentionPlan plan(RetentionPolicy policy, Collection<RetentionItem> items, Instant now) {
        Map<String, List<RetentionItem>> groups = new TreeMap<>();
        for (RetentionItem item : items) {
            groups.computeIfAbsent(item.group(), g -> new ArrayList<>()).add(item);
        }
        Violations v = Violations.of("retention items");
        for (List<RetentionItem> group : groups.values()) {
            Set<String> ids = new HashSet<>(group.size() * 2);
            for (RetentionItem i : group) {
                if (!ids.add(i.id())) {
                    v.add("items", "'" + i.id() + "' appears twice in group '" + i.group() + "'");
                }
            }
        }
        v.throwIfAny();
        List<RetentionDecision> decisions = new ArrayList<>(items.size());
        ZoneRules rules = policy.zoneId().getRules();
        for (List<RetentionItem> group : groups.values()) {
            group.sort(NEWEST_FIRST);
            decisions.addAll(planGroup(policy, rules, group, now));
        }
        return new RetentionPlan(decisions);
    }

    private static List<RetentionDecision> planGroup(RetentionPolicy policy, ZoneRules zone, List<RetentionItem> list, Instant now) {
        int n = list.size();
        RetentionReason[] mark = new RetentionReason[n];
        String[] period = new String[n];
        // local times are computed when a rule first looks at a snapshot: rules stop after their N periods
        LocalDateTime[] local = new LocalDateTime[n];

        // Unfinished snapshots: the newest one is kept while no finished one is newer; the rest go.
        boolean keepUnfinished = true;
        for (int i = 0; i < n; i++) {
            if (list.get(i).isFinished()) {
                keepUnfinished = false;
            } else {
                mark[i] = keepUnfinished ? RetentionReason.NEWEST_UNFINISHED : RetentionReason.UNFINISHED;
                keepUnfinished = false;
            }
        }

        if (policy.keepsSomething()) {
            for (RetentionRule rule : RetentionRule.values()) {
                int keep = policy.count(rule).orElse(0);
                if (keep > 0) {
                    markSelections(rule, keep, list, zone, local, mark, period);
                }
            }
        }

        List<RetentionDecision> out = new ArrayList<>(n);
        long maxAgeCutoff = policy.maxAgeDays().isPresent() ? now.getEpochSecond() - policy.maxAgeDays().getAsInt() * 86_400L : Long.MIN_VALUE;
        int maxCount = policy.maxSnapshotsPerGroup().orElse(Integer.MAX_VALUE);
        Instant youngest = now.minus(policy.minimumAge());
        int counted = 0;
        for (int i = 0; i < n; i++) {
            RetentionItem item = list.get(i);
            RetentionReason r;
            if (item.isProtected()) {
                r = RetentionReason.PROTECTED;
            } else if (item.pin().isPresent()) {
                r = RetentionReason.PINNED;
            } else {
                r = mark[i] != null ? mark[i] : policy.keepsSomething() ? RetentionReason.NOT_SELECTED : RetentionReason.NO_KEEP_RULE;
                if (r.keeps() && item.time().getEpochSecond() < maxAgeCutoff) {
                    r = RetentionReason.MAX_AGE;
                }
                if (r.keeps() && ++counted > maxCount) {
                    r = RetentionReason.MAX_COUNT;
                }
                if (!r.keeps() && policy.minimumAge().isPositive() && item.time().isAfter(youngest)) {
                    r = RetentionReason.MINIMUM_AGE;
                }
            }
            out.add(new RetentionDecision(item, r, isRule(r) && period[i] != null ? period[i] : ""));
        }
        return out;
    }

    /** One keep rule over a group sorted newest first, as PBS's {@code mark_selections} does it. */
    private static void markSelections(RetentionRule rule, int keep, List<RetentionItem> list, ZoneRules zone, LocalDateTime[] local,
            RetentionReason[] mark, String[] period) {
        int n = list.size();
        Set<Long> alreadyKept = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (mark[i] != null && isRule(mark[i])) {
                alreadyKept.add(key(rule, local(list, zone, local, i), i));
            }
        }
        Set<Long> included = new HashSet<>();
        RetentionReason keepReason = RetentionReason.values()[rule.ordinal()];
        for (int i = 0; i < n; i++) {
            if (mark[i] != null) {
                continue;
            }
            RetentionItem item = list.get(i);
            if (item.isProtected() || item.pin().isPresent()) {
                mark[i] = item.isProtected() ? RetentionReason.PROTECTED : RetentionReason.PINNED;
                continue;
            }
            long k = key(rule, local(list, zone, local, i), i);
            if (alreadyKept.contains(k)) {
                continue;
            }
            if (included.contains(k)) {
                mark[i] = RetentionReason.NOT_SELECTED;
            } else {
                if (included.size() >= keep) {
                    break;
                }
                included.add(k);
                mark[i] = keepReason;
                period[i] = label(rule, local[i], list.get(i));
            }
        }
    }

    /** Whether {@code r} is one of the six keep-rule reasons (they come first, in rule order). */
    private static boolean isRule(RetentionReason r) {
        return r.ordinal() < RULES;
    }

    private static final int RULES = RetentionRule.values().length;

    /** The local time of snapshot {@code i} in the policy's zone, computed once. */
    private static LocalDateTime local(List<RetentionItem> list, ZoneRules zone, LocalDateTime[] local, int i) {
        LocalDateTime t = local[i];
        if (t == null) {
            Instant at = list.get(i).time();
            ZoneOffset offset = zone.getOffset(at);
            t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), offset);
            local[i] = t;
        }
        return t;
    }

    /** The period of a snapshot under a rule, as a number: equal numbers, equal periods. */
    private static long key(RetentionRule rule, LocalDateTime t, int index) {
        return switch (rule) {
            case KEEP_LAST -> index;
            case KEEP_HOURLY -> t.toLocalDate().toEpochDay() * 24 + t.getHour();
            case KEEP_DAILY -> t.toLocalDate().toEpochDay();
            case KEEP_WEEKLY -> t.get(IsoFields.WEEK_BASED_YEAR) * 64L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case KEEP_MONTHLY -> t.getYear() * 12L + t.getMonthValue() - 1;
            case KEEP_YEARLY -> t.getYear();
        };
    }

    /** The period as PBS would print it ({@code %Y/%m/%d/%H}, {@code %Y/%m/%d}, {@code %G/%V}, {@code %Y/%m}, {@code %Y}). */
    private static String label(RetentionRule rule, LocalDateTime t, RetentionItem item) {
        return switch (rule) {
            case KEEP_LAST -> item.time().toString();
            case KEEP_HOURLY -> String.format(java.util.Locale.ROOT, "%04d/%02d/%02d/%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour());
            case KEEP_DAILY -> String.format(java.util.Locale.ROOT, "%04d/%02d/%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
            case KEEP_WEEKLY -> String.format(java.util.Locale.ROOT, "%04d/%02d", t.get(IsoFields.WEEK_BASED_YEAR), t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case KEEP_MONTHLY -> String.format(java.util.Locale.ROOT, "%04d/%02d", t.getYear(), t.getMonthValue());
            case KEEP_YEARLY -> String.format(java.util.Locale.ROOT, "%04d", t.getYear());
        };
    }

    static {
        // The keep reasons mirror the rules by position; markSelections relies on it.
        for (RetentionRule r : RetentionRule.values()) {
            if (RetentionReason.values()[r.ordinal()].rule().orElse(null) != r) {
                throw new AssertionError("RetentionReason and RetentionRule are out of step: " + Arrays.toString(RetentionReason.values()));
            }
        }
    }
}
