package dev.ops.lab.cli.internal;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ops completion}: the bash completion script of every subcommand and option ({@code source <(ops completion)}). */
@Command(name = "completion",
        description = "Print the bash completion script (zsh too, after 'autoload -U bashcompinit && bashcompinit'): source <(ops completion)")
final class CompletionCommand implements Callable<Integer> {
    @ParentCommand
    OpsCommand ops;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ops.out.print(AutoComplete.bash("ops", spec.root().commandLine()));
        ops.out.flush();
        return 0;
    }
}
