package dev.ops.usr.account.internal;

import dev.ops.core.change.CommandAction;
import dev.ops.core.host.Command;
import java.util.List;

/** Shorthands for the root commands the account changes run. */
final class Cmd {
    private Cmd() {}

    static Command root(List<String> argv) {
        return Command.builder().addAllArgv(argv).sudo(true).build();
    }

    static CommandAction action(String host, String... argv) {
        return CommandAction.of(host, root(List.of(argv)));
    }

    static CommandAction action(String host, List<String> argv) {
        return CommandAction.of(host, root(argv));
    }
}
