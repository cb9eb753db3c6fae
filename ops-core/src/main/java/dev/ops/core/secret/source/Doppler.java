package dev.ops.core.secret.source;

import dev.ops.core.error.Violations;
import dev.ops.core.secret.Secret;
import dev.ops.core.secret.source.internal.DopplerDownload;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Secrets from Doppler through its CLI: {@code doppler secrets download --no-file --format json
 * --project P --config C}, run once on first use, with the {@code doppler} executable found on the
 * given environment's {@code PATH}. {@code DOPPLER=0} in that environment turns the source off (it
 * then holds nothing), as in the lab. A CLI that fails is a {@link dev.ops.core.error.CommandFailedException}
 * whose stderr is redacted.
 */
public final class Doppler implements SecretSource {
    private final String project;
    private final String config;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Object lock = new Object();
    private Map<String, Secret> downloaded;

    private Doppler(Builder b) {
        this.project = b.project;
        this.config = b.config;
        this.environment = Map.copyOf(b.environment);
        this.timeout = b.timeout;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Whether {@code DOPPLER=0} turned this source off. */
    public boolean off() {
        return "0".equals(environment.get("DOPPLER"));
    }

    @Override
    public String describe() {
        return "doppler " + project + "/" + config + (off() ? " (off: DOPPLER=0)" : "");
    }

    @Override
    public Optional<Secret> find(String name) {
        if (off()) {
            return Optional.empty();
        }
        synchronized (lock) {
            if (downloaded == null) {
                downloaded = DopplerDownload.run(project, config, environment, timeout);
            }
            return Optional.ofNullable(downloaded.get(name));
        }
    }

    /** Builds a {@link Doppler} source. */
    public static final class Builder {
        private String project;
        private String config;
        private Map<String, String> environment = new HashMap<>();
        private Duration timeout = Duration.ofSeconds(30);

        private Builder() {}

        /** The Doppler project ({@code --project}). */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** The Doppler config ({@code --config}). */
        public Builder config(String config) {
            this.config = config;
            return this;
        }

        /** The environment the CLI runs with (its {@code PATH} finds {@code doppler}; {@code DOPPLER=0} turns it off). */
        public Builder environment(Map<String, String> environment) {
            this.environment = new HashMap<>(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** How long the CLI may take; 30 seconds unless said. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The source; a {@link dev.ops.core.error.ValidationException} when the project or config is missing. */
        public Doppler build() {
            Violations v = Violations.of("doppler source");
            v.checkText(project, "project", p -> p.matches("[A-Za-z0-9_.-]+"), "must be a Doppler project name");
            v.checkText(config, "config", c -> c.matches("[A-Za-z0-9_.-]+"), "must be a Doppler config name");
            v.check(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be positive");
            v.throwIfAny();
            return new Doppler(this);
        }
    }
}
