package dev.ops.lab.cli.internal;

import dev.ops.lab.cli.ExitCode;
import dev.ops.lab.site.Site;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ops clean}: removes local generated state only (saved plans, rendered files, caches under
 * the state directory); never the journal and catalog store, never infrastructure.
 */
@Command(name = "clean", description = "Remove local generated state (saved plans, rendered files, caches); never the journal, catalog or infrastructure.")
final class CleanCommand implements Callable<Integer> {
    static final List<String> GENERATED = List.of("plans", "rendered", "cache");

    @ParentCommand
    OpsCommand ops;

    @Override
    public Integer call() throws IOException {
        Site site = ops.site();
        Path state = ops.stateDir(site);
        int removed = 0;
        for (String dir : GENERATED) {
            Path d = state.resolve(dir);
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(d)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                    removed++;
                }
            }
        }
        ops.out.println("removed " + removed + " generated file(s) under " + state + " (kept: store)");
        return ExitCode.OK.code();
    }
}
