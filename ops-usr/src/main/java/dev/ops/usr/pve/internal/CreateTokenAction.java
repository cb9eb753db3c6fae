package dev.ops.usr.pve.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.core.error.ApiException;
import dev.ops.core.secret.Secret;
import dev.ops.proxmox.JsonValue;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.change.ApiCallAction;
import java.util.Objects;

/**
 * Creates an API token ({@code POST /access/users/{userid}/token/{tokenid}}) and hands the secret
 * from Proxmox's answer to the change's result through {@link TokenSecrets}. The record (what the
 * journal stores) holds the call and a random hand-off id, never the secret: the secret is wrapped
 * in a {@link Secret} (and so registered for redaction) the moment the answer is read.
 *
 * @param call the POST
 * @param handoff the id under which the secret is left for the result
 */
public record CreateTokenAction(ApiCallAction call, String handoff) implements Action {

    public CreateTokenAction {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(handoff, "handoff");
    }

    @Override
    public String target() {
        return call.target();
    }

    @Override
    public String render() {
        return call.render() + "\n(the answer's token secret goes to the caller once, as a Secret; it is never journaled)";
    }

    @Override
    public void execute(Targets targets) {
        JsonValue value = call.run(targets.resolve(call.target(), PveClient.class)).path("value");
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new ApiException(200, call.method(), call.concretePath(), "the answer holds no token secret ('value')", java.util.Map.of(),
                    false);
        }
        TokenSecrets.put(handoff, Secret.of(value.asText()));
    }
}
