package dev.ops.core.secret.source.internal;

import dev.ops.core.secret.Secret;
import dev.ops.core.secret.source.SecretSource;
import java.util.Map;
import java.util.Optional;

/** Variables of a given environment. */
public final class EnvironmentSource implements SecretSource {
    private final Map<String, String> environment;

    public EnvironmentSource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String describe() {
        return "env";
    }

    @Override
    public Optional<Secret> find(String name) {
        String v = environment.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(Secret.of(v));
    }
}
