package dev.ops.core.change.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.ActionTypes;
import dev.ops.core.change.CommandAction;
import dev.ops.core.change.FileWriteAction;
import java.util.Map;

/** The journal names of ops-core's actions. */
public final class CoreActionTypes implements ActionTypes {
    @Override
    public Map<String, Class<? extends Action>> types() {
        return Map.of("core.command", CommandAction.class, "core.file-write", FileWriteAction.class,
                "core.sealed", sealedAction());
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Action> sealedAction() {
        try {
            return (Class<? extends Action>) Class.forName("dev.ops.core.journal.SealedAction");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
