package dev.ops.net.mac.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * Draws a random MAC under {@code 02:00:00} and claims it for {@code owner}, recorded under
 * {@code claim} for the undo.
 *
 * @param target the name of the drawing {@link MacClaims} in {@link Targets}
 */
public record MacRandomAction(String target, String owner, String claim) implements Action {

    public MacRandomAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(claim, "claim");
    }

    @Override
    public String render() {
        return "draw a random MAC under 02:00:00 and claim it for " + owner + " in the state store (compare-and-set)";
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, MacClaims.class).random(owner, claim);
    }
}
