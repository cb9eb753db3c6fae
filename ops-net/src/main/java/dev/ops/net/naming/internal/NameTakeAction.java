package dev.ops.net.naming.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Advances the name sequence of {@code node}/{@code type} (to at least {@code floor}) and records
 * the name under {@code claim} for the undo.
 *
 * @param target the name of the {@link NameSequences} in {@link Targets}
 */
public record NameTakeAction(String target, String node, String type, int floor, String claim) implements Action {

    public NameTakeAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "advance the name sequence of " + node + "/" + type + " in the state store (compare-and-set"
                + (floor > 1 ? ", to at least " + floor : "") + ")";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, NameSequences.class).take(node, type, floor, claim);
    }
}
