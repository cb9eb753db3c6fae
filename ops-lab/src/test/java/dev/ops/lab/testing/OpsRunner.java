package dev.ops.lab.testing;

import dev.ops.lab.cli.OpsCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the {@code ops} command in-process with {@code --site} and an environment, keeping what each run wrote. */
public final class OpsRunner {
    private final Path site;
    private final Map<String, String> environment;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    public OpsRunner(Path site, Map<String, String> environment) {
        this.site = site;
        this.environment = environment;
    }

    /** {@code ops --site SITE args...}; its exit status. */
    public int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--site";
        all[1] = site.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return OpsCli.builder().environment(environment).out(new PrintWriter(out)).err(new PrintWriter(err)).build().run(all);
    }

    /** What the last run wrote on its output stream. */
    public String out() {
        return out.toString();
    }

    /** What the last run wrote on its error stream. */
    public String err() {
        return err.toString();
    }
}
