package dev.ops.lab.catalog.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.change.Targets;
import dev.ops.core.store.StateStore;
import java.nio.charset.StandardCharsets;

/** Where the catalog keeps its records, and their JSON form. */
public final class CatalogKeys {
    /** Resource records, by VMID. */
    public static final String RESOURCES = "lab/catalog/resources/";
    /** Replication tasks, by id. */
    public static final String TASKS = "lab/catalog/tasks/";
    /** Template manifests (layer L1), by template name. */
    public static final String TEMPLATES = "lab/catalog/templates/";

    /** Safety snapshots the lab took, by VMID and name. */
    public static final String SNAPSHOTS = "lab/catalog/snapshots/";
    /** Backups the lab took, by VMID and id. */
    public static final String BACKUPS = "lab/catalog/backups/";
    /** Layer L3's convergence records, by host name. */
    public static final String HOSTS = "lab/catalog/hosts/";

    private CatalogKeys() {}

    public static String snapshot(int vmid, String name) {
        return SNAPSHOTS + vmid + "/" + name;
    }

    public static String backup(int vmid, String id) {
        return BACKUPS + vmid + "/" + id;
    }

    public static String host(String name) {
        return HOSTS + name;
    }

    public static String resource(int vmid) {
        return RESOURCES + vmid;
    }

    public static String manifest(String template) {
        return TEMPLATES + template;
    }

    public static String task(String id) {
        return TASKS + id;
    }

    /** Puts {@code previous} (JSON) back under {@code key}, or deletes the key when {@code previous} is empty: a record's undo. */
    static void restore(Targets targets, String key, String previous) {
        StateStore store = targets.resolve(Targets.STATE_STORE, StateStore.class);
        if (previous.isEmpty()) {
            store.delete(key);
        } else {
            store.put(key, previous.getBytes(StandardCharsets.UTF_8));
        }
    }

    public static byte[] write(Object record) {
        return Json.write(record);
    }

    public static <T> T read(String key, byte[] json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new CorruptRecordException(key, "state store", "not a " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    public static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }

    static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
