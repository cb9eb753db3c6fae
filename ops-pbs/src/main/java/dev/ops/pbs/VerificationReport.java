package dev.ops.pbs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Backup verification and RPO over one namespace of a datastore, group by group: the newest backup,
 * the newest snapshot verified OK, the snapshots whose verification failed or that were never
 * verified, the space used, and the largest gap between consecutive finished backups in the window
 * (the last one before the window to the first in it, and the newest backup to now, included; a group
 * with no finished backup at all has the whole window as its gap) against the RPO target. As a value, as {@link #text()} and as
 * {@link #toJson()}.
 *
 * @param store the datastore
 * @param namespace the namespace
 * @param generatedAt when it was made
 * @param policy what it measured against
 * @param groups one entry per backup group, by group
 */
public record VerificationReport(String store, Namespace namespace, Instant generatedAt, ReportPolicy policy, List<GroupReport> groups) {

    public VerificationReport {
        groups = List.copyOf(groups);
    }

    /**
     * One group's line of the report.
     *
     * @param group {@code type/id}
     * @param snapshots how many snapshots it holds, unfinished ones included
     * @param lastBackup the newest finished backup, null when none ({@link #lastBackupTime()})
     * @param lastVerifiedOk the newest finished backup verified OK, null when none ({@link #lastVerifiedOkTime()})
     * @param failed finished snapshots whose last verification failed
     * @param neverVerified finished snapshots never verified
     * @param bytes the space its finished snapshots take (their logical size, before deduplication)
     * @param worstGap the largest gap between consecutive finished backups in the window, the newest to now included
     * @param rpoMet whether {@code worstGap} is within the RPO target
     */
    public record GroupReport(String group, int snapshots, Instant lastBackup, Instant lastVerifiedOk, List<SnapshotRef> failed,
            List<SnapshotRef> neverVerified, long bytes, Duration worstGap, boolean rpoMet) {
        public GroupReport {
            failed = List.copyOf(failed);
            neverVerified = List.copyOf(neverVerified);
        }

        /** The newest finished backup. */
        public Optional<Instant> lastBackupTime() {
            return Optional.ofNullable(lastBackup);
        }

        /** The newest finished backup verified OK. */
        public Optional<Instant> lastVerifiedOkTime() {
            return Optional.ofNullable(lastVerifiedOk);
        }
    }

    /** Builds the report from a namespace's snapshots (any order). */
    static VerificationReport of(String store, Namespace ns, List<Snapshot> snapshots, ReportPolicy policy) {
        Instant now = policy.clock().instant();
        Instant from = now.minus(policy.window());
        Map<String, List<Snapshot>> byGroup = new TreeMap<>();
        snapshots.forEach(s -> byGroup.computeIfAbsent(s.ref().group(), g -> new ArrayList<>()).add(s));
        List<GroupReport> out = new ArrayList<>();
        byGroup.forEach((group, list) -> {
            list.sort(Comparator.comparing(Snapshot::time));
            List<Snapshot> done = list.stream().filter(s -> !s.inProgress()).toList();
            Instant last = done.isEmpty() ? null : done.get(done.size() - 1).time();
            Instant verified = done.stream().filter(s -> s.verification().filter("ok"::equals).isPresent()).map(Snapshot::time)
                    .max(Comparator.naturalOrder()).orElse(null);
            List<SnapshotRef> failed = done.stream().filter(s -> s.verification().filter("failed"::equals).isPresent())
                    .map(Snapshot::ref).toList();
            List<SnapshotRef> never = done.stream().filter(s -> s.verification().isEmpty()).map(Snapshot::ref).toList();
            long bytes = done.stream().mapToLong(s -> s.size().orElse(0)).sum();
            // Gaps inside the window: from the last backup before it (or, for a group younger than the window, its
            // first backup) to each backup, then from the newest to now.
            Instant previous = null;
            for (Snapshot s : done) {
                if (!s.time().isAfter(from)) {
                    previous = s.time();
                }
            }
            Duration worst = Duration.ZERO;
            for (Snapshot s : done) {
                if (s.time().isAfter(from)) {
                    worst = previous == null ? worst : max(worst, Duration.between(previous, s.time()));
                    previous = s.time();
                }
            }
            worst = previous == null ? policy.window() : max(worst, Duration.between(previous, now));
            out.add(new GroupReport(group, list.size(), last, verified, failed, never, bytes, worst,
                    worst.compareTo(policy.rpoTarget()) <= 0));
        });
        return new VerificationReport(store, ns, now, policy, out);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** The groups that miss the RPO target. */
    public List<GroupReport> rpoMissed() {
        return groups.stream().filter(g -> !g.rpoMet()).toList();
    }

    /** The report as text, one line per group. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("datastore ").append(store).append(" namespace ").append(namespace).append(" at ").append(generatedAt)
                .append(", RPO target ").append(policy.rpoTarget()).append(" over ").append(policy.window()).append('\n');
        for (GroupReport g : groups) {
            sb.append(g.group()).append(": ").append(g.snapshots()).append(" snapshots, last backup ")
                    .append(g.lastBackupTime().map(Instant::toString).orElse("never"))
                    .append(", last verified ok ").append(g.lastVerifiedOkTime().map(Instant::toString).orElse("never"))
                    .append(", ").append(g.failed().size()).append(" failed, ").append(g.neverVerified().size()).append(" never verified, ")
                    .append(g.bytes()).append(" bytes, worst gap ").append(g.worstGap())
                    .append(g.rpoMet() ? " (RPO met)" : " (RPO MISSED)").append('\n');
        }
        return sb.toString();
    }

    /** The report as JSON. */
    public String toJson() {
        StringBuilder sb = new StringBuilder("{\"store\":").append(q(store)).append(",\"namespace\":").append(q(namespace.path()))
                .append(",\"generatedAt\":").append(q(generatedAt.toString())).append(",\"rpoTargetSeconds\":")
                .append(policy.rpoTarget().toSeconds()).append(",\"windowSeconds\":").append(policy.window().toSeconds()).append(",\"groups\":[");
        for (int i = 0; i < groups.size(); i++) {
            GroupReport g = groups.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"group\":").append(q(g.group())).append(",\"snapshots\":").append(g.snapshots())
                    .append(",\"lastBackup\":").append(g.lastBackupTime().map(t -> q(t.toString())).orElse("null"))
                    .append(",\"lastVerifiedOk\":").append(g.lastVerifiedOkTime().map(t -> q(t.toString())).orElse("null"))
                    .append(",\"failed\":").append(refs(g.failed())).append(",\"neverVerified\":").append(refs(g.neverVerified()))
                    .append(",\"bytes\":").append(g.bytes()).append(",\"worstGapSeconds\":").append(g.worstGap().toSeconds())
                    .append(",\"rpoMet\":").append(g.rpoMet()).append('}');
        }
        return sb.append("]}").toString();
    }

    private static String refs(List<SnapshotRef> refs) {
        return refs.stream().map(r -> q(r.path())).reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    /** A JSON string; the names here (stores, groups, times) hold no character that needs more than this. */
    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
