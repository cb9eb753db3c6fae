package dev.ops.lab.site;

import java.util.List;
import java.util.Objects;

/**
 * Where the site's secrets come from, in the order they are asked: {@code env}, {@code file},
 * {@code command} and {@code doppler}.
 *
 * @param sources the source kinds, first asked first
 * @param directory the directory of secret files (one file per secret, named after it) for {@code file}
 * @param command the command line whose output is the secret for {@code command}; {@code {name}} is replaced by the secret's name
 * @param dopplerProject the Doppler project for {@code doppler}
 * @param dopplerConfig the Doppler config for {@code doppler}
 */
public record SecretSettings(List<String> sources, String directory, List<String> command, String dopplerProject, String dopplerConfig) {
    /** The kinds a site may name. */
    public static final List<String> KINDS = List.of("env", "file", "command", "doppler");

    public SecretSettings {
        sources = List.copyOf(sources);
        Objects.requireNonNull(directory, "directory");
        command = List.copyOf(command);
        Objects.requireNonNull(dopplerProject, "dopplerProject");
        Objects.requireNonNull(dopplerConfig, "dopplerConfig");
    }

    /** Environment variables only: what a site without a {@code secrets} section gets. */
    public static SecretSettings environmentOnly() {
        return new SecretSettings(List.of("env"), "", List.of(), "", "");
    }
}
