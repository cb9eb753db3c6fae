package dev.ops.pve.storage;

import dev.ops.core.error.Violations;
import dev.ops.pve.PveClient;
import dev.ops.pve.PveIds;
import dev.ops.pve.task.PveTask;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One storage as seen from one node: content, upload, download-url, volume removal. */
public final class Storage {
    private final PveClient client;
    private final String node;
    private final String storage;

    public Storage(PveClient client, String node, String storage) {
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
    public List<StorageContentItem> content() {
        return content(null);
    }

    /** {@code GET .../content?content=...} ({@code iso}, {@code vztmpl}, {@code backup}, {@code images}...). */
    public List<StorageContentItem> content(String contentType) {
        Map<String, Object> p = base();
        if (contentType != null) {
            p.put("content", contentType);
        }
        return client.api().list("/nodes/{node}/storage/{storage}/content", p, StorageContentItem.class);
    }

    /** The volume with that id, if present. */
    public Optional<StorageContentItem> find(String volid) {
        return content().stream().filter(i -> i.volid().equals(volid)).findFirst();
    }

    /**
     * Uploads an ISO or container template ({@code content} {@code iso}, {@code vztmpl} or
     * {@code import}) as multipart; {@code sha256} (nullable) makes Proxmox verify it.
     */
    public PveTask upload(String content, Path file, String sha256) {
        Violations v = Violations.of("upload");
        v.check(List.of("iso", "vztmpl", "import").contains(content), "content", "'" + content + "' must be iso, vztmpl or import");
        v.check(sha256 == null || sha256.matches("[0-9a-fA-F]{64}"), "sha256", "is not a SHA-256 hex digest");
        v.throwIfAny();
        Map<String, Object> p = base();
        p.put("content", content);
        p.put("filename", file.getFileName().toString());
        if (sha256 != null) {
            p.put("checksum", sha256.toLowerCase(java.util.Locale.ROOT));
            p.put("checksum-algorithm", "sha256");
        }
        return client.api().upload("/nodes/{node}/storage/{storage}/upload", p, "filename", file);
    }

    /** Has the node fetch a file itself. */
    public PveTask downloadUrl(DownloadUrlRequest request) {
        Map<String, Object> p = base();
        p.putAll(request.toParams());
        return client.api().task("POST", "/nodes/{node}/storage/{storage}/download-url", p);
    }

    /** {@code DELETE .../content/{volume}}; returns the task (Proxmox runs removal as one). */
    public PveTask deleteVolume(String volid) {
        Map<String, Object> p = base();
        p.put("volume", volid);
        return client.api().task("DELETE", "/nodes/{node}/storage/{storage}/content/{volume}", p);
    }

    private Map<String, Object> base() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("storage", storage);
        return p;
    }
}
