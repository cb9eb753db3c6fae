package dev.ops.pve.node;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which tasks of a node to list, as {@code GET /nodes/{node}/tasks} selects them: a page
 * ({@code start}, {@code limit}), and filters by guest, time, type, status, user and source.
 *
 * <pre>{@code
 * node.tasks(q -> q.vmid(101).limit(10));
 * node.taskList(q -> q.start(50).limit(50).typefilter("vzdump").errors(true)).total();
 * }</pre>
 */
@Value.Immutable
public abstract class TaskQuery {
    private static final Set<String> SOURCES = Set.of("archive", "active", "all");

    /** Only the tasks of this guest. */
    public abstract OptionalInt vmid();

    /** At most this many tasks, newest first; 50 when not set. */
    @Value.Default
    public int limit() {
        return 50;
    }

    /** Skip this many tasks (the page's offset); 0 when not set. */
    @Value.Default
    public int start() {
        return 0;
    }

    /** Only tasks started at or after this time. */
    public abstract Optional<Instant> since();

    /** Only tasks started at or before this time. */
    public abstract Optional<Instant> until();

    /** Only tasks of this type ({@code vzdump}, {@code qmstart}, ...). */
    public abstract Optional<String> typefilter();

    /** Only tasks of these statuses, comma-separated ({@code ok}, {@code error}, {@code warning}, {@code unknown}). */
    public abstract Optional<String> statusfilter();

    /** Only tasks of this user. */
    public abstract Optional<String> userfilter();

    /** {@code archive} (finished, the default), {@code active} or {@code all}. */
    public abstract Optional<String> source();

    /** Only tasks that failed. */
    @Value.Default
    public boolean errors() {
        return false;
    }

    /** The query's parameters on the wire (without {@code node}). */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("limit", limit());
        if (start() > 0) {
            p.put("start", start());
        }
        vmid().ifPresent(id -> p.put("vmid", id));
        since().ifPresent(t -> p.put("since", t.getEpochSecond()));
        until().ifPresent(t -> p.put("until", t.getEpochSecond()));
        typefilter().ifPresent(t -> p.put("typefilter", t));
        statusfilter().ifPresent(t -> p.put("statusfilter", t));
        userfilter().ifPresent(t -> p.put("userfilter", t));
        source().ifPresent(t -> p.put("source", t));
        if (errors()) {
            p.put("errors", 1);
        }
        return p;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this value's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    @Value.Check
    protected void check() {
        Violations v = Violations.of("task query");
        vmid().ifPresent(id -> PveIds.checkVmid(v, "vmid", id));
        v.check(limit() >= 1, "limit", "must be at least 1");
        v.check(start() >= 0, "start", "must not be negative");
        source().ifPresent(s -> v.check(SOURCES.contains(s), "source", "'" + s + "' is not one of " + SOURCES));
        if (since().isPresent() && until().isPresent()) {
            v.check(!since().get().isAfter(until().get()), "since", "is after until");
        }
        v.throwIfAny();
    }

    /** Builds a {@link TaskQuery}. */
    public static final class Builder extends ImmutableTaskQuery.Builder {}
}
