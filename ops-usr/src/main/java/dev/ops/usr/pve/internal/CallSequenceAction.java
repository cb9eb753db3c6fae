package dev.ops.usr.pve.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.change.ApiCallAction;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Several Proxmox calls run in order as one action, e.g. the undo of a user's deletion: recreate the
 * user, then grant its ACL entries again. Journal-safe (a list of {@link ApiCallAction} records).
 *
 * @param target the client's name
 * @param calls the calls, in order
 */
public record CallSequenceAction(String target, List<ApiCallAction> calls) implements Action {

    public CallSequenceAction {
        Objects.requireNonNull(target, "target");
        calls = List.copyOf(calls);
        if (calls.isEmpty()) {
            throw new IllegalArgumentException("a call sequence needs one call at least");
        }
    }

    @Override
    public String render() {
        return calls.stream().map(ApiCallAction::render).collect(Collectors.joining("\n"));
    }

    @Override
    public void execute(Targets targets) {
        PveClient client = targets.resolve(target, PveClient.class);
        calls.forEach(c -> c.run(client));
    }
}
