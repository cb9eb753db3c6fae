package dev.ops.core.journal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.OpsException;

/**
 * What the journal stores in place of an action that holds a secret: where it runs and how it
 * reads (redacted), and the action itself only encrypted with the user's {@link JournalKey}
 * ({@code sealed} empty when there was no key). The journal opens it before running it.
 */
record SealedAction(String target, String shown, String keyId, String sealed) implements Action {

    SealedAction {
        keyId = keyId == null ? "" : keyId;
        sealed = sealed == null ? "" : sealed;
    }

    /** Whether the action itself is in the journal (encrypted), so that another process can run it. */
    boolean recoverable() {
        return !sealed.isEmpty();
    }

    @Override
    public String render() {
        return shown;
    }

    @Override
    public void execute(Targets targets) {
        throw new OpsException("this step held secret content that was kept out of the journal; only the process that applied it"
                + " could run it (give Ops a JournalKey to keep such steps encrypted in the journal)");
    }
}
