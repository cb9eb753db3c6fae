package dev.ops.lab.site;

import java.util.Objects;

/**
 * A credential named, never held: a site file says {@code token_secret_from: PM_TOKEN_SECRET} and the value
 * comes from the site's secret sources when a client is made.
 *
 * @param name the secret's name in the sources (an environment variable, a file, a Doppler key)
 */
public record SecretRef(String name) {
    public SecretRef {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return "secret:" + name;
    }
}
