package dev.ops.pve.storage.internal;

import dev.ops.core.Ops;
import dev.ops.pve.internal.Wire;
import dev.ops.core.change.Change;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.change.ApiCallAction;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.pve.storage.Storage;
import dev.ops.pve.storage.StorageContentItem;
import dev.ops.pve.storage.UploadRequest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Makes the changes of storages; {@link dev.ops.pve.PveChanges} is the public face. */
public final class StorageChanges {
    private StorageChanges() {}

    public static Change<StorageContentItem> downloadUrl(Ops ops, PveClient client, Storage storage, DownloadUrlRequest request) {
        String volid = request.volumeId(storage.id());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", storage.node());
        p.put("storage", storage.id());
        p.putAll(Wire.download(request));
        return new StorageChange(ops, client, storage, volid, "download " + request.fileName() + " to " + storage.id() + " on " + storage.node(),
                "download " + request.url() + " as " + volid,
                ApiCallAction.of(client, "POST", "/nodes/{node}/storage/{storage}/download-url", p, true, false));
    }

    public static Change<StorageContentItem> upload(Ops ops, PveClient client, Storage storage, UploadRequest request) {
        String volid = request.volumeId(storage.id());
        return new StorageChange(ops, client, storage, volid,
                "upload " + request.file().getFileName() + " to " + storage.id() + " on " + storage.node(),
                "upload " + request.file() + " as " + volid,
                new UploadAction(client.name(), storage.node(), storage.id(), request.content(), request.file().toAbsolutePath().toString(),
                        request.sha256().map(s -> s.toLowerCase(Locale.ROOT)).orElse(null)));
    }
}
