package dev.ops.core.secret;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sensitive string: a password, a token secret, a private key passphrase.
 *
 * <p>{@link #toString()} never shows the value, and creating a secret registers its value with
 * the global {@link Redactor}, so that the value is masked wherever it appears in a command line,
 * a plan, a log line or an exception message, for as long as the secret itself is reachable: keep
 * the {@code Secret} (not only its revealed value) wherever the value may still be rendered.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Wraps a value and registers it for redaction. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        Secret secret = new Secret(value.toCharArray());
        Redactor.global().register(secret, value);
        return secret;
    }

    /** The value itself; pass it on to where it is needed, never to a log. */
    public String reveal() {
        return new String(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    @Override
    public String toString() {
        return Redactor.MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }
}
