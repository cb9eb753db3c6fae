package dev.ops.proxmox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A list answer with everything Proxmox sent beside {@code data}: {@code total} on the task list,
 * {@code changes} (the pending diff of {@code /etc/network/interfaces}) on the node network, and
 * whatever a newer server adds.
 *
 * @param items the list, bound to the element type
 * @param envelope the answer's other members, by name
 * @param <T> the element type
 */
public record ListAnswer<T>(List<T> items, Map<String, JsonValue> envelope) {

    public ListAnswer {
        items = List.copyOf(items);
        envelope = Map.copyOf(envelope);
    }

    /** The {@code total} a paged list carries: how many there are in all, beyond this page. */
    public OptionalLong total() {
        JsonValue t = envelope.get("total");
        if (t == null) {
            return OptionalLong.empty();
        }
        return t.isNumber() || (t.isTextual() && t.asText().matches("\\d{1,18}")) ? OptionalLong.of(t.asLong()) : OptionalLong.empty();
    }

    /** Another member of the answer, if it was sent. */
    public Optional<JsonValue> field(String name) {
        return Optional.ofNullable(envelope.get(name)).filter(v -> !v.isNull());
    }
}
