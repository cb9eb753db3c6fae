package dev.ops.core.secret.source;

import dev.ops.core.error.NotFoundException;
import dev.ops.core.secret.Secret;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Sources asked in order; the first that holds a name answers. */
public final class SecretChain implements SecretSource {
    private final List<SecretSource> sources;

    private SecretChain(List<SecretSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /** The sources, first asked first. */
    public static SecretChain of(SecretSource... sources) {
        return new SecretChain(List.of(sources));
    }

    /** The sources, first asked first. */
    public static SecretChain of(List<SecretSource> sources) {
        return new SecretChain(sources);
    }

    /** The sources, first asked first. */
    public List<SecretSource> sources() {
        return sources;
    }

    @Override
    public String describe() {
        return sources.stream().map(SecretSource::describe).collect(Collectors.joining(", then ", "chain(", ")"));
    }

    @Override
    public Optional<Secret> find(String name) {
        for (SecretSource s : sources) {
            Optional<Secret> found = s.find(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The secret, or a {@link NotFoundException} naming it and every source asked. */
    public Secret require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("secret " + name, "not in any source (" + describe() + ")"));
    }
}
