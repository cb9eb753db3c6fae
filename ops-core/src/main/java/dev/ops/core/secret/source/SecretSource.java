package dev.ops.core.secret.source;

import dev.ops.core.secret.Secret;
import java.util.Optional;

/**
 * One place secrets are read from. {@link #find} is empty when this source does not hold the name,
 * and throws a typed {@link dev.ops.core.error.OpsException} when the source itself fails (a command
 * that exits non-zero, a file others may read), never with the value in its message.
 */
public interface SecretSource {

    /** The source in words, for reports: {@code env}, {@code file /etc/lab/secrets}, {@code doppler lab/site1}. */
    String describe();

    /** The secret called {@code name}, when this source holds it. */
    Optional<Secret> find(String name);
}
