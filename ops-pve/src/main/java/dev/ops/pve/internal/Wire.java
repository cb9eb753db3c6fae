package dev.ops.pve.internal;

import dev.ops.proxmox.internal.Params;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.UriComponent;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.guest.CloneRequest;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.ConfigUpdate;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.storage.DownloadUrlRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The wire parameters of the request values: what the changes send for them. */
public final class Wire {
    private Wire() {}

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> cloudInit(CloudInit r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.user().ifPresent(u -> p.put("ciuser", u));
        r.password().ifPresent(s -> p.put("cipassword", s));
        if (!r.sshKeys().isEmpty()) {
            p.put("sshkeys", UriComponent.encode(String.join("\n", r.sshKeys()) + "\n"));
        }
        r.ipConfigs().forEach((i, c) -> p.put("ipconfig" + i, c));
        r.nameserver().ifPresent(n -> p.put("nameserver", n));
        r.searchDomain().ifPresent(d -> p.put("searchdomain", d));
        r.upgrade().ifPresent(u -> p.put("ciupgrade", Params.wire(u)));
        r.type().ifPresent(t -> p.put("citype", t));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> createVm(CreateVmRequest r, int vmid) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        r.name().ifPresent(x -> p.put("name", x));
        r.memoryMb().ifPresent(x -> p.put("memory", x));
        r.cores().ifPresent(x -> p.put("cores", x));
        r.sockets().ifPresent(x -> p.put("sockets", x));
        r.osType().ifPresent(x -> p.put("ostype", x));
        r.pool().ifPresent(x -> p.put("pool", x));
        r.description().ifPresent(x -> p.put("description", x));
        r.onBoot().ifPresent(x -> p.put("onboot", x));
        r.start().ifPresent(x -> p.put("start", x));
        p.putAll(r.options());
        r.cloudInit().ifPresent(ci -> p.putAll(cloudInit(ci)));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> createContainer(CreateContainerRequest r, int vmid) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", vmid);
        p.put("ostemplate", r.osTemplate());
        r.hostname().ifPresent(x -> p.put("hostname", x));
        r.memoryMb().ifPresent(x -> p.put("memory", x));
        r.swapMb().ifPresent(x -> p.put("swap", x));
        r.cores().ifPresent(x -> p.put("cores", x));
        r.rootfs().ifPresent(x -> p.put("rootfs", x));
        r.storage().ifPresent(x -> p.put("storage", x));
        r.password().ifPresent(x -> p.put("password", x));
        if (!r.sshPublicKeys().isEmpty()) {
            p.put("ssh-public-keys", String.join("\n", r.sshPublicKeys()));
        }
        r.unprivileged().ifPresent(x -> p.put("unprivileged", x));
        r.start().ifPresent(x -> p.put("start", x));
        r.onBoot().ifPresent(x -> p.put("onboot", x));
        r.pool().ifPresent(x -> p.put("pool", x));
        p.putAll(r.options());
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> backup(BackupRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        r.storage().ifPresent(x -> p.put("storage", x));
        r.mode().ifPresent(x -> p.put("mode", x));
        r.compress().ifPresent(x -> p.put("compress", x));
        r.notes().ifPresent(x -> p.put("notes-template", x));
        r.protect().ifPresent(x -> p.put("protected", x));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> restore(RestoreRequest r, GuestType type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("vmid", r.vmid());
        if (type == GuestType.QEMU) {
            p.put("archive", r.archive());
        } else {
            p.put("ostemplate", r.archive());
            p.put("restore", true);
        }
        r.storage().ifPresent(x -> p.put("storage", x));
        r.force().ifPresent(x -> p.put("force", x));
        r.unique().ifPresent(x -> p.put("unique", x));
        r.start().ifPresent(x -> p.put("start", x));
        r.pool().ifPresent(x -> p.put("pool", x));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> download(DownloadUrlRequest r) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("url", r.url());
        p.put("filename", r.fileName());
        p.put("content", r.content());
        r.checksum().ifPresent(x -> p.put("checksum", x));
        r.checksumAlgorithm().ifPresent(x -> p.put("checksum-algorithm", x));
        r.verifyCertificates().ifPresent(x -> p.put("verify-certificates", x));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> clone(CloneRequest r, GuestType type, int newId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("newid", newId);
        r.name().ifPresent(n -> p.put(type.nameKey(), n));
        r.targetNode().ifPresent(t -> p.put("target", t));
        r.targetStorage().ifPresent(s -> p.put("storage", s));
        r.full().ifPresent(f -> p.put("full", f));
        r.pool().ifPresent(x -> p.put("pool", x));
        r.description().ifPresent(x -> p.put("description", x));
        r.snapshot().ifPresent(x -> p.put("snapname", x));
        if (type == GuestType.QEMU) {
            r.format().ifPresent(x -> p.put("format", x));
        }
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> migrate(MigrateRequest r, GuestType type) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("target", r.targetNode());
        if (type == GuestType.QEMU) {
            r.online().ifPresent(o -> p.put("online", o));
            r.withLocalDisks().ifPresent(o -> p.put("with-local-disks", o));
            r.targetStorage().ifPresent(o -> p.put("targetstorage", o));
        } else {
            r.online().ifPresent(o -> p.put("restart", o));
            r.targetStorage().ifPresent(o -> p.put("target-storage", o));
            r.timeoutSeconds().ifPresent(o -> p.put("timeout", o));
        }
        r.bandwidthLimit().ifPresent(o -> p.put("bwlimit", o));
        return p;
    }

    /** The wire parameters of {@code r}. */
    public static Map<String, Object> configUpdate(ConfigUpdate r) {
        Map<String, Object> p = new LinkedHashMap<>(r.values());
        if (!r.delete().isEmpty()) {
            p.put("delete", String.join(",", r.delete()));
        }
        r.digest().ifPresent(d -> p.put("digest", d));
        return p;
    }
}
