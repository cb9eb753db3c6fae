package dev.ops.core.change;

import java.util.Map;

/**
 * The logical names under which a module's {@link Action} types are stored in the journal, so that
 * an action class can move or be renamed without making older journals unreadable. Each module
 * lists its actions in one implementation, registered with {@link java.util.ServiceLoader} in
 * {@code META-INF/services/dev.ops.core.change.ActionTypes}. Names are {@code module.action}, e.g.
 * {@code core.file-write}; a name, once written to journals, is never given to another action.
 */
public interface ActionTypes {

    /** Every action type of the module, by its logical name. */
    Map<String, Class<? extends Action>> types();
}
