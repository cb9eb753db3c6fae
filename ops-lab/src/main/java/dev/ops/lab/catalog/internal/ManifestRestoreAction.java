package dev.ops.lab.catalog.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import java.util.Objects;

/**
 * The undo of {@link ManifestRecordAction}: puts back the manifest that was there before, or deletes
 * the one recorded when there was none.
 *
 * @param name the template's name
 * @param previous the manifest before, as JSON; empty when there was none
 */
public record ManifestRestoreAction(String name, String previous) implements Action {
    public ManifestRestoreAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(previous, "previous");
    }

    @Override
    public String target() {
        return Targets.STATE_STORE;
    }

    @Override
    public String render() {
        return previous.isEmpty() ? "forget the manifest of template " + name : "put back the earlier manifest of template " + name;
    }

    @Override
    public void execute(Targets targets) {
        CatalogKeys.restore(targets, CatalogKeys.manifest(name), previous);
    }
}
