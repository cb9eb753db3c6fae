package dev.ops.pve.storage;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One storage as seen from one node, read-only: its content. Uploads, downloads and volume removal
 * are changes: {@link dev.ops.pve.PveChanges#upload}, {@link dev.ops.pve.PveChanges#downloadUrl}.
 */
public final class Storage {
    private final PveClient client;
    private final String node;
    private final String storage;

    static {
        dev.ops.proxmox.internal.Handles.register(Storage.class, a -> new Storage((PveClient) a[0], (String) a[1], (String) a[2]));
    }

    private Storage(PveClient client, String node, String storage) {
        Violations v = Violations.of("storage");
        PveIds.checkNode(v, "node", node);
        PveIds.checkStorage(v, "storage", storage);
        v.throwIfAny();
        this.client = client;
        this.node = node;
        this.storage = storage;
    }

    /** The node. */
    public String node() {
        return node;
    }

    /** The id. */
    public String id() {
        return storage;
    }

    /** {@code GET .../content}, every volume. */
    public List<StorageContentItem> list() {
        return client.api().list("/nodes/{node}/storage/{storage}/content", base(), StorageContentItem.class);
    }

    /** {@code GET .../content?content=...}: the volumes of one content type ({@code iso}, {@code vztmpl}, {@code backup}, {@code images}...). */
    public List<StorageContentItem> list(String contentType) {
        Map<String, Object> p = base();
        p.put("content", java.util.Objects.requireNonNull(contentType, "contentType"));
        return client.api().list("/nodes/{node}/storage/{storage}/content", p, StorageContentItem.class);
    }

    /** The volume with that id, if present. */
    public Optional<StorageContentItem> get(String volid) {
        return list().stream().filter(i -> i.volid().equals(volid)).findFirst();
    }

    private Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("storage", storage);
        return p;
    }
}
