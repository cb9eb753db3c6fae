package dev.ops.proxmox.internal;

import dev.ops.core.Ops;
import dev.ops.core.change.Planned;
import dev.ops.core.change.Step;
import dev.ops.proxmox.JsonValue;
import dev.ops.proxmox.ProxmoxClient;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.proxmox.change.internal.ApiChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes one entry of a configuration section of the Proxmox VE or Backup Server API (PVE's
 * {@code /cluster/backup} and {@code /storage}, PBS's {@code /config/prune}, {@code /config/sync},
 * {@code /config/remote}...) as desired, or removes it. Created: the undo deletes it. Updated: only
 * what differs is sent (settings left out are deleted), and the undo puts the old settings back, as
 * {@link SettingsDiff#replacing} works it out for every whole-entry change.
 * Removed: the undo creates it again with its old settings. A secret setting (a remote's password)
 * is never read back, so it is sent only on create or when asked, is masked in every rendering, and
 * a removal that would need it back is irreversible.
 *
 * @param <T> what applying yields (the desired value)
 */
public final class ConfigEntryChange<T> extends ApiChange<T, Void, ProxmoxClient> {
    /**
     * A configuration section: what it holds in words, its path, the name of its id parameter, its
     * secret settings, whether {@code delete} is an array (PBS) or a comma-separated list (PVE), the
     * settings the server adds on its own (never compared, sent or deleted), and the query that makes
     * its listing show every entry (PBS lists only pulling sync jobs unless asked for all).
     */
    public record Section(String kind, String path, String key, Set<String> secrets, boolean deleteAsArray, Set<String> derived,
            Map<String, Object> listQuery) {
        /** A PBS section without secrets. */
        public static Section pbs(String kind, String path, String key) {
            return new Section(kind, path, key, Set.of(), true, Set.of(), Map.of());
        }

        /** A PVE section without secrets. */
        public static Section pve(String kind, String path, String key) {
            return new Section(kind, path, key, Set.of(), false, Set.of(), Map.of());
        }

        /** The same section with these secret settings. */
        public Section withSecrets(String... names) {
            return new Section(kind, path, key, Set.of(names), deleteAsArray, derived, listQuery);
        }

        /** The same section with these settings the server adds on its own. */
        public Section withDerived(String... names) {
            return new Section(kind, path, key, secrets, deleteAsArray, Set.of(names), listQuery);
        }

        /** The same section, listed with {@code query} so that every entry shows. */
        public Section withListQuery(Map<String, Object> query) {
            return new Section(kind, path, key, secrets, deleteAsArray, derived, Map.copyOf(query));
        }
    }

    private static final Set<String> NEVER_COMPARED = Set.of("digest");
    private final Section section;
    private final String id;
    /** The settings wanted, null to remove the entry. */
    private final Map<String, Object> desired;
    private final boolean sendSecrets;
    private final T value;
    private final Runnable precheck;

    /**
     * The entry {@code id} of {@code section} made as {@code desired} (null: removed), yielding
     * {@code value}; {@code precheck} runs at plan before a create or update (it throws when what the
     * entry names does not exist); secrets are sent on update only when {@code sendSecrets}.
     */
    public ConfigEntryChange(Ops ops, ProxmoxClient client, Section section, String id, Map<String, Object> desired, boolean sendSecrets,
            T value, Runnable precheck) {
        super(ops, client);
        this.section = section;
        this.id = id;
        this.desired = desired;
        this.sendSecrets = sendSecrets;
        this.value = value;
        this.precheck = precheck;
    }

    @Override
    protected String what() {
        return (desired == null ? "remove " : "set ") + section.kind() + " " + id;
    }

    @Override
    protected Planned<Void> planSteps() {
        Map<String, Object> current = current();
        String entry = section.path() + "/{" + section.key() + "}";
        if (desired == null) {
            if (current == null) {
                return Planned.none(null);
            }
            ApiCallAction delete = call("DELETE", entry, Map.of(section.key(), id));
            Set<String> lost = new TreeSet<>(section.secrets());
            if (!lost.isEmpty()) {
                return Planned.of(List.of(Step.irreversible("remove " + section.kind() + " " + id + " (its " + String.join(", ", lost)
                        + " cannot be read back, so rollback cannot create it again)", delete)));
            }
            return Planned.of(List.of(Step.of("remove " + section.kind() + " " + id + " (rollback creates it again as it was)", delete,
                    call("POST", section.path(), current))));
        }
        precheck.run();
        if (current == null) {
            return Planned.of(List.of(Step.of("create " + section.kind() + " " + id, call("POST", section.path(), desired),
                    call("DELETE", entry, Map.of(section.key(), id)))));
        }
        Map<String, Object> wanted = new LinkedHashMap<>(desired);
        wanted.remove(section.key());
        if (!sendSecrets) {
            wanted.keySet().removeAll(section.secrets());
        }
        Map<String, Object> now = new LinkedHashMap<>(current);
        now.remove(section.key());
        SettingsDiff d = SettingsDiff.replacing(now, wanted, new SettingsDiff.Rules("(unset)", section.deleteAsArray(), section.secrets()));
        if (d.isEmpty()) {
            return Planned.none(null);
        }
        Map<String, Object> base = Map.of(section.key(), id);
        return Planned.of(List.of(Step.of("update " + section.kind() + " " + id + ": " + String.join("; ", d.lines()),
                call("PUT", entry, d.forward(base)), call("PUT", entry, d.undo(base)))));
    }

    /** The entry as the server lists it, null when there is none. */
    private Map<String, Object> current() {
        for (JsonValue e : client.api().get(section.path(), section.listQuery()).elements()) {
            if (id.equals(e.path(section.key()).asText(""))) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (String k : e.fieldNames()) {
                    if (!NEVER_COMPARED.contains(k) && !section.derived().contains(k)) {
                        JsonValue f = e.path(k);
                        out.put(k, f.isArray() ? f.elements().stream().map(JsonValue::asText).toList() : SettingsDiff.wire(f));
                    }
                }
                return out;
            }
        }
        return null;
    }

    @Override
    protected T result(Void none) {
        return value;
    }
}
