package dev.ops.testkit.pve.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the ops-pve client can issue, sent to the fake server, which checks each one
 * against the real Proxmox VE API schema and keeps state like Proxmox; the extension fails the
 * test on any schema violation.
 */
@EnablePveFake(nodes = {"pve-01", "pve-02"}, taskMillis = 20)
@Timeout(120)
class ClientConformanceTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(9000, "pve-01", vm -> vm.set("name", "tmpl").set("scsi0", "local-lvm:8"))
                .container(9001, "pve-01", ct -> ct.set("hostname", "ct-tmpl").set("rootfs", "local-lvm:4"))
                .vm(101, "pve-01", vm -> vm.set("name", "web").set("scsi0", "local-lvm:8"))
                .container(201, "pve-01", ct -> ct.set("hostname", "ct").set("rootfs", "local-lvm:4"))
                .volume("pve-01", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", 1 << 20);
    }

    private static String backupOf(PveFakeServer server, String guest) {
        return server.volumes("pve-01", "local").stream().filter(v -> v.contains("vzdump-" + guest + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("no backup of " + guest + " in " + server.volumes("pve-01", "local")));
    }

    @Test
    void everyRequestTheClientCanIssueIsValidAgainstTheRealSchema(PveClient c, PveFakeServer server, @TempDir Path dir)
            throws Exception {
        c.version();
        c.cluster().status();
        c.cluster().resources();
        for (ResourceType t : ResourceType.values()) {
            c.cluster().resources(t);
        }
        c.cluster().nextId();
        c.cluster().isFree(101);
        c.findGuest(101);
        c.nodes();
        var node = c.node("pve-01");
        node.status();
        node.network();
        node.storages();
        node.tasks(q -> q.vmid(101).limit(10));
        node.tasks(q -> q.limit(10));
        var changes = c.guests(dev.ops.core.Ops.inMemory());
        var local = node.storage("local");
        local.list();
        local.list("iso");
        Path iso = Files.writeString(dir.resolve("tiny.iso"), "not really an iso");
        changes.upload(local, u -> u.content("iso").file(iso)).apply();
        changes.downloadUrl(local, DownloadUrlRequest.builder().url("https://example.org/a.iso").fileName("a.iso").content("iso")
                .checksum("cd".repeat(32)).checksumAlgorithm("sha256").verifyCertificates(true).build()).apply().rollback();
        node.qemu().list();
        node.lxc().list();
        changes.createVm(node, CreateVmRequest.builder().vmid(300).name("vm-300").memoryMb(1024).cores(2).sockets(1).osType("l26")
                .description("d").onBoot(true).start(false).putOptions("scsi0", "local-lvm:8").putOptions("net0", "virtio,bridge=vmbr0")
                .cloudInit(CloudInit.builder().user("ops").password(Secret.of("pw-conformance")).addSshKeys("ssh-ed25519 AAAA x@y")
                        .putIpConfigs(0, "ip=dhcp").nameserver("1.1.1.1").searchDomain("lab").upgrade(false).type("nocloud").build())
                .build()).apply();
        changes.createContainer(node, CreateContainerRequest.builder().vmid(301).osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")
                .hostname("ct-301").memoryMb(512).swapMb(512).cores(1).rootfs("local-lvm:4").storage("local-lvm")
                .password(Secret.of("pw-conformance")).addSshPublicKeys("ssh-ed25519 AAAA x@y").unprivileged(true).start(false)
                .onBoot(false).putOptions("net0", "name=eth0,bridge=vmbr0,ip=dhcp").build()).apply();
        for (Guest g : List.of(node.qemu().vm(101), node.lxc().container(201))) {
            g.status();
            g.config();
            changes.updateConfig(g, u -> u.memoryMb(1024).cores(2).onBoot(true).description("x").tags("a", "b")).apply();
            changes.start(g).apply();
            if (g.type() == GuestType.QEMU) {
                changes.suspend(g).apply();
                changes.resume(g).apply();
            }
            changes.reboot(g).apply();
            changes.shutdown(g).apply();
            changes.start(g).apply();
            changes.stop(g).apply();
            changes.snapshot(g, s -> s.name("s1").description("first").vmstate(g.type() == GuestType.QEMU)).apply();
            g.snapshots().list();
            changes.rollbackToSnapshot(g, "s1").apply();
            changes.deleteSnapshot(g, "s1").apply();
            changes.backup(g, b -> b.storage("local").mode("snapshot").compress("zstd").notes("{{guestname}}")).apply();
            changes.haAdd(g, h -> h.state("started")).apply();
            c.ha().list();
            changes.haRemove(g).apply();
            changes.stop(g).apply();
            changes.migrate(g, m -> m.targetNode("pve-02").online(false).targetStorage("local-lvm")).apply();
        }
        String vmBackup = backupOf(server, "qemu-101");
        String ctBackup = backupOf(server, "lxc-201");
        changes.restore(node, GuestType.QEMU, RestoreRequest.builder().archive(vmBackup).vmid(302).storage("local-lvm").unique(true)
                .start(false).build()).apply();
        changes.restore(node, GuestType.LXC, RestoreRequest.builder().archive(ctBackup).vmid(303).storage("local-lvm").build()).apply();
        for (Guest t : List.of(node.qemu().vm(9000), node.lxc().container(9001))) {
            changes.clone(t, r -> r.newId(t.vmid() + 10).name("clone-" + t.vmid()).full(true).targetStorage("local-lvm")
                    .description("c")).apply();
            changes.convertToTemplate(t).apply();
            changes.clone(t, r -> r.newId(t.vmid() + 20).full(false)).apply();
        }
        changes.delete(node.qemu().vm(9020)).apply();
        changes.delete(node.lxc().container(9021)).apply();
        c.preflight().privilege("/vms/101", "VM.Audit").run();

        server.assertNoSchemaViolations();
        Set<String> calls = new TreeSet<>();
        for (RecordedCall call : server.requests()) {
            calls.add(call.method() + " " + call.template());
        }
        assertThat(calls).contains("POST /nodes/{node}/qemu/{vmid}/clone", "POST /nodes/{node}/lxc/{vmid}/clone",
                "PUT /nodes/{node}/qemu/{vmid}/config", "PUT /nodes/{node}/lxc/{vmid}/config", "POST /nodes/{node}/vzdump",
                "POST /nodes/{node}/storage/{storage}/upload", "GET /access/permissions",
                "GET /nodes/{node}/tasks/{upid}/status", "POST /nodes/{node}/qemu/{vmid}/migrate");
        assertThat(server.hasGuest(9010)).isTrue();
        assertThat(server.guestNode(101)).contains("pve-02");
    }
}
