package dev.ops.core.change;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import dev.ops.core.change.internal.ActionTypeResolver;

/**
 * One concrete operation of a {@link Step}: a command line, an HTTP call, a file write.
 *
 * <p>Actions are plain data that Jackson can write and read back (the journal stores them, so
 * that a fresh JVM can undo what a crashed one started). Implementations are records or
 * immutable values, in any module, with a public no-surprise JSON shape, stored under a logical
 * name that their module's {@link ActionTypes} gives them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, property = "@type")
@JsonTypeIdResolver(ActionTypeResolver.class)
public interface Action {

    /** The name of the host or endpoint this action runs against, resolved through {@link Targets}. */
    String target();

    /** The exact operation as an operator reads it (a command line, {@code POST /path {body}}, a diff); secrets masked. */
    String render();

    /** Runs the action; throws an {@link dev.ops.core.error.OpsException} when it fails. */
    void execute(Targets targets);

    /** Whether the action must run as root on its target; apply checks root (or passwordless sudo) first. */
    default boolean needsRoot() {
        return false;
    }
}
