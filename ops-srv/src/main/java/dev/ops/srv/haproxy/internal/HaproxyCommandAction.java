package dev.ops.srv.haproxy.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.srv.haproxy.HaproxyRuntime;
import java.util.Objects;

/**
 * Sends one runtime API command that HAProxy answers with nothing on success.
 *
 * @param target the runtime's name ({@code haproxy:<socket>})
 * @param command the command line, e.g. {@code set server web/web-2 state drain}
 */
public record HaproxyCommandAction(String target, String command) implements Action {

    public HaproxyCommandAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(command, "command");
    }

    @Override
    public String render() {
        return command;
    }

    @Override
    public void execute(Targets targets) {
        targets.resolve(target, HaproxyRuntime.class).command(command);
    }
}
