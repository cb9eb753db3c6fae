package dev.ops.core.retention;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of {@link RetentionPolicy#plan}: one decision per snapshot, grouped by group (in name
 * order) and newest first inside each group.
 *
 * @param decisions every snapshot's decision
 */
public record RetentionPlan(List<RetentionDecision> decisions) {

    public RetentionPlan {
        decisions = List.copyOf(decisions);
    }

    /** The snapshots that go, in decision order. */
    public List<RetentionItem> removed() {
        return decisions.stream().filter(d -> !d.keeps()).map(RetentionDecision::item).toList();
    }

    /** The decisions of the snapshots that stay, each saying which rule keeps it. */
    public List<RetentionDecision> kept() {
        return decisions.stream().filter(RetentionDecision::keeps).toList();
    }

    /** The decisions of one group. */
    public List<RetentionDecision> group(String group) {
        return decisions.stream().filter(d -> d.item().group().equals(group)).toList();
    }

    /** One line per snapshot, as a plan shows it. */
    public String render() {
        return decisions.stream().map(RetentionDecision::render).collect(Collectors.joining("\n"));
    }
}
