package dev.ops.core.secret.source.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.secret.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** {@code doppler secrets download --no-file --format json}: a JSON object of name to value. */
public final class DopplerDownload {
    private DopplerDownload() {}

    /** Runs the CLI and wraps every value as a {@link Secret} (so each is masked from then on). */
    public static Map<String, Secret> run(String project, String config, Map<String, String> environment, Duration timeout) {
        List<String> argv = List.of("doppler", "secrets", "download", "--no-file", "--format", "json", "--project", project, "--config", config);
        String out = SecretProcess.run(argv, environment, timeout);
        JsonNode root;
        try {
            root = Json.mapper().readTree(out);
        } catch (IOException e) {
            // The output is not echoed: it holds the secrets.
            throw new CommandFailedException("localhost", String.join(" ", argv), 0, "the output is not a JSON object of secrets");
        }
        if (root == null || !root.isObject()) {
            throw new CommandFailedException("localhost", String.join(" ", argv), 0, "the output is not a JSON object of secrets");
        }
        Map<String, Secret> secrets = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode() && !e.getValue().asText().isEmpty()) {
                secrets.put(e.getKey(), Secret.of(e.getValue().asText()));
            }
        }
        return Map.copyOf(secrets);
    }
}
