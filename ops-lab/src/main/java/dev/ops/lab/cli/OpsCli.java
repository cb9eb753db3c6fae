package dev.ops.lab.cli;

import dev.ops.lab.cli.internal.OpsCommand;
import dev.ops.lab.cli.internal.Terminal;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code ops} command: {@code ops --site DIR runway}, {@code ops plan replicate 9000},
 * {@code ops apply FILE --yes}, {@code ops rollback ID}, {@code ops recover}, {@code ops status},
 * {@code ops clean}; {@code --json} for machine-readable output; the exit status by outcome
 * ({@link ExitCode}). Runs in-process: the environment and the output streams are given, not taken
 * from the JVM.
 *
 * <pre>{@code
 * int status = OpsCli.builder().environment(System.getenv()).build().run("--site", "cfg/env/site1", "runway");
 * }</pre>
 */
public final class OpsCli {
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;

    private OpsCli(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.out = b.out;
        this.err = b.err;
        this.terminal = b.terminal;
    }

    /** A new builder: the process's standard output and error, an empty environment. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs the command line {@code args}; returns the exit status. */
    public int run(String... args) {
        return OpsCommand.execute(args, environment, out, err, terminal);
    }

    /** The command as a program: {@code java -jar ops-lab.jar --site DIR runway}. */
    public static void main(String[] args) {
        // the program's SLF4J provider (slf4j-simple in ops.jar) logs warnings and errors only, unless told otherwise
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        Map<String, String> env = System.getenv();
        int status = builder().environment(env).terminal(Terminal.detect(env)).build().run(args);
        System.exit(status);
    }

    /** Builds an {@link OpsCli}. */
    public static final class Builder {
        private Map<String, String> environment = new HashMap<>();
        private PrintWriter out = new PrintWriter(System.out, true);
        private PrintWriter err = new PrintWriter(System.err, true);
        private boolean terminal;

        private Builder() {}

        /** The environment secrets are read from ({@code PM_TOKEN_SECRET}, {@code DOPPLER=0}, {@code PATH} for the Doppler CLI). */
        public Builder environment(Map<String, String> environment) {
            this.environment = new HashMap<>(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** Where results go. */
        public Builder out(PrintWriter out) {
            this.out = Objects.requireNonNull(out, "out");
            return this;
        }

        /** Where errors go. */
        public Builder err(PrintWriter err) {
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /**
         * Whether the error stream is a terminal (default: no): then each step of an apply, rollback or recovery is
         * shown there as it ends, unless {@code --json} or {@code --no-progress} is given; {@code --progress} shows it anywhere.
         */
        public Builder terminal(boolean terminal) {
            this.terminal = terminal;
            return this;
        }

        public OpsCli build() {
            return new OpsCli(this);
        }
    }
}
