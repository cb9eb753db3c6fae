package dev.ops.pbs;

import dev.ops.proxmox.JsonValue;
import java.util.Optional;

/**
 * A datastore of {@code GET /admin/datastore}: its name and comment, and the maintenance mode it is in,
 * if any.
 */
public final class DatastoreSummary {
    private final String name;
    private final String comment;
    private final String maintenance;

    private DatastoreSummary(String name, String comment, String maintenance) {
        this.name = name;
        this.comment = comment;
        this.maintenance = maintenance;
    }

    static DatastoreSummary from(JsonValue v) {
        return new DatastoreSummary(v.path("store").asText(""), Values.text(v, "comment"), Values.text(v, "maintenance"));
    }

    /** The datastore's name. */
    public String name() {
        return name;
    }

    /** Its comment. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** Its maintenance mode, e.g. {@code read-only}; empty when it is in none. */
    public Optional<String> maintenance() {
        return Optional.ofNullable(maintenance);
    }

    @Override
    public String toString() {
        return "DatastoreSummary[" + name + "]";
    }
}
