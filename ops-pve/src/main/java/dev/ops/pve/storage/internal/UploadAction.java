package dev.ops.pve.storage.internal;

import dev.ops.core.change.Action;
import dev.ops.core.change.Targets;
import dev.ops.pve.PveClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Uploads a local file to a storage ({@code POST /nodes/{node}/storage/{storage}/upload},
 * multipart) and waits for the import task. The file is named by its path, so a journal entry
 * stays small; the undo of an upload is a volume deletion.
 *
 * @param target the client's name, resolved through {@link Targets}
 * @param node the node
 * @param storage the storage id
 * @param content {@code iso}, {@code vztmpl} or {@code import}
 * @param file the local file
 * @param sha256 the file's SHA-256, checked by Proxmox after the upload; null to skip the check
 */
public record UploadAction(String target, String node, String storage, String content, String file, String sha256) implements Action {

    public UploadAction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String render() {
        return "POST /nodes/" + node + "/storage/" + storage + "/upload content=" + content + " filename=" + file
                + (sha256 == null ? "" : " checksum-algorithm=sha256 checksum=" + sha256) + " (multipart, await task)";
    }

    @Override
    public void execute(Targets targets) {
        PveClient client = targets.resolve(target, PveClient.class);
        Path path = Path.of(file);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", node);
        p.put("storage", storage);
        p.put("content", content);
        p.put("filename", path.getFileName().toString());
        if (sha256 != null) {
            p.put("checksum", sha256);
            p.put("checksum-algorithm", "sha256");
        }
        client.api().upload("/nodes/{node}/storage/{storage}/upload", p, "filename", path).awaitSuccess();
    }
}
