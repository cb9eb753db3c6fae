package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveApiSchema;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request the client can issue, checked against the real Proxmox VE 9.1 API schema: path
 * template, method, no unknown parameters, every required one, types (booleans as 0/1), enums,
 * patterns, ranges and the named formats ops sends.
 */
@Timeout(60)
class SchemaConformanceTest {
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(10);
    private static final String TOTP_SECRET = "JBSWY3DPEHPK3PXP";
    private final PveFakeServer pve = Fakes.cluster().taskDuration(java.time.Duration.ofMillis(5))
            .vm(9000, "pve1", vm -> vm.name("tmpl").set("scsi0", "local-lvm:8"))
            .container(9001, "pve1", ct -> ct.name("ct-tmpl").set("rootfs", "local-lvm:4"))
            .vm(101, "pve1", vm -> vm.name("web").set("scsi0", "local-lvm:8"))
            .container(201, "pve1", ct -> ct.name("ct").set("rootfs", "local-lvm:4"))
            .volume("pve1", "local:vztmpl/debian-12.tar.zst", 1 << 20)
            .userWithTotp("ops@pve", "ops-password-1", TOTP_SECRET, acl -> acl.grant("/", "PVEAuditor")).start();

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private String backupOf(String guest) {
        return pve.volumes("pve1", "local").stream().filter(v -> v.contains("vzdump-" + guest + "-")).findFirst().orElseThrow();
    }

    @Test
    void everyRequestTheClientCanIssueConformsToTheSchema(@TempDir Path dir) throws Exception {
        PveClient c = Fakes.client(pve);

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
        var node = c.node("pve1");
        node.status();
        node.network();
        node.storages();
        node.tasks(q -> q.vmid(101).limit(10));
        node.tasks(q -> q.limit(10));
        var ops = dev.ops.core.Ops.inMemory();
        var changes = c.guests(ops);
        var local = node.storage("local");
        local.list();
        local.list("iso");
        Path iso = Files.writeString(dir.resolve("tiny.iso"), "not really an iso");
        changes.upload(local, u -> u.content("iso").file(iso).sha256("ab".repeat(32))).apply();
        changes.downloadUrl(local, DownloadUrlRequest.builder().url("https://example.org/a.iso").fileName("a.iso").content("iso")
                .checksum("cd".repeat(32)).checksumAlgorithm("sha256").verifyCertificates(true).build()).apply().rollback();
        node.qemu().list();
        node.lxc().list();
        changes.createVm(node, CreateVmRequest.builder().vmid(300).name("vm-300").memoryMb(1024).cores(2).sockets(1).osType("l26")
                .description("d").onBoot(true).start(false).putOptions("scsi0", "local-lvm:8").putOptions("net0", "virtio,bridge=vmbr0")
                .cloudInit(CloudInit.builder().user("ops").password(Secret.of("pw-conformance")).addSshKeys("ssh-ed25519 AAAA x@y")
                        .putIpConfigs(0, "ip=dhcp").nameserver("1.1.1.1").searchDomain("lab").upgrade(false).type("nocloud").build())
                .build()).apply().value().status();
        changes.createContainer(node, CreateContainerRequest.builder().vmid(301).osTemplate("local:vztmpl/debian-12.tar.zst").hostname("ct-301")
                .memoryMb(512).swapMb(512).cores(1).rootfs("local-lvm:4").storage("local-lvm").password(Secret.of("pw-conformance"))
                .addSshPublicKeys("ssh-ed25519 AAAA x@y").unprivileged(true).start(false).onBoot(false)
                .putOptions("net0", "name=eth0,bridge=vmbr0,ip=dhcp").build()).apply();
        for (Guest g : List.of(node.qemu().vm(101), node.lxc().container(201))) {
            g.status();
            g.config();
            changes.updateConfig(g, u -> u.memoryMb(1024).cores(2).onBoot(true).description("x").tags("a", "b").remove("serial0")).apply();
            changes.start(g).apply();
            if (g.type() == GuestType.QEMU) {
                changes.suspend(g).apply();
                changes.resume(g).apply();
            }
            changes.reboot(g).apply();
            changes.shutdown(g).apply();
            changes.start(g).apply();
            changes.stop(g).apply();
            changes.snapshot(g, s1 -> s1.name("s1").description("first").vmstate(g.type() == GuestType.QEMU)).apply();
            g.snapshots().list();
            changes.rollbackToSnapshot(g, "s1").apply();
            changes.deleteSnapshot(g, "s1").apply();
            changes.backup(g, b -> b.storage("local").mode("snapshot").compress("zstd").notes("{{guestname}}").protect(true)).apply();
            changes.haAdd(g, h -> h.state("started")).apply();
            c.ha().list();
            changes.haRemove(g).apply();
            if (g.status().running()) { // rolled back to a snapshot with RAM
                changes.stop(g).apply();
            }
            changes.migrate(g, m -> m.targetNode("pve2").online(false).withLocalDisks(true).targetStorage("local-lvm").bandwidthLimit(1000)
                    .timeoutSeconds(30)).apply();
        }
        changes.restore(node, GuestType.QEMU, RestoreRequest.builder().archive(backupOf("qemu-101")).vmid(302)
                .storage("local-lvm").unique(true).start(false).build()).apply();
        changes.restore(node, GuestType.LXC, RestoreRequest.builder().archive(backupOf("lxc-201")).vmid(303)
                .storage("local-lvm").build()).apply();
        var pool = c.changes(ops).createPool(p -> p.poolid("lab").comment("the lab")).apply();
        var members = c.changes(ops).addToPool("lab", List.of(node.qemu().vm(101))).apply();
        c.pools().list();
        members.rollback();
        c.changes(ops).deletePool("lab").apply().rollback();
        pool.value();
        for (Guest t : List.of(node.qemu().vm(9000), node.lxc().container(9001))) {
            changes.clone(t, r -> r.newId(t.vmid() + 10).name("clone-" + t.vmid()).full(true).targetNode("pve2").targetStorage("local-lvm")
                    .pool("lab").description("c").format("qcow2")).apply();
            changes.snapshot(t, s1 -> s1.name("base")).apply();
            changes.clone(t, r -> r.newId(t.vmid() + 30).full(true).snapshot("base")).apply();
            changes.convertToTemplate(t).apply();
            changes.clone(t, r -> r.newId(t.vmid() + 20).full(false)).apply();
        }
        changes.delete(node.qemu().vm(9020)).apply();
        changes.delete(node.lxc().container(9021)).apply();
        node.task(node.tasks(q -> q.limit(1)).get(0).upid().value()).logTail(5);
        c.preflight().privilege("/vms/101", "VM.Audit").run();
        Fakes.clientBuilder(pve).login("root@pam", Secret.of(Fakes.PASSWORD)).build().version();
        Fakes.clientBuilder(pve).login("ops@pve", Secret.of("ops-password-1")).totp(() -> pve.totpCode("ops@pve")).build().version();

        pve.assertNoSchemaViolations();
        Set<String> templates = new TreeSet<>();
        for (RecordedCall r : pve.requests()) {
            if (!r.template().isEmpty()) {
                templates.add(r.method() + " " + r.template());
            }
        }
        assertThat(privilegeTableMismatches(templates)).as("RequiredPrivileges.checked against the schema's checks").isEmpty();
        assertThat(templates).contains("POST /nodes/{node}/qemu/{vmid}/clone", "POST /nodes/{node}/lxc/{vmid}/clone",
                "PUT /nodes/{node}/qemu/{vmid}/config", "PUT /nodes/{node}/lxc/{vmid}/config", "POST /nodes/{node}/vzdump",
                "POST /nodes/{node}/storage/{storage}/upload", "POST /access/ticket", "GET /access/permissions",
                "GET /nodes/{node}/tasks/{upid}/status", "GET /nodes/{node}/tasks/{upid}/log");
    }

    /** For every write the client issued, where RequiredPrivileges' schema part differs from the schema's check. */
    private static List<String> privilegeTableMismatches(Set<String> templates) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        for (String call : templates) {
            String method = call.substring(0, call.indexOf(' '));
            String template = call.substring(call.indexOf(' ') + 1);
            if (method.equals("GET")) {
                continue;
            }
            var info = dev.ops.core.json.internal.Json.mapper().readTree(PveApiSchema.pve().method(method, template).orElseThrow());
            for (Map<String, String> params : List.of(SAMPLE, withPool())) {
                var fromSchema = dev.ops.pve.preflight.SchemaPermissionChecks.of(info, params);
                var fromTable = dev.ops.pve.preflight.RequiredPrivileges.checked(method, template, params);
                if (!fromSchema.equals(fromTable)) {
                    out.add(call + (params.containsKey("pool") ? " (with pool)" : "") + ": schema " + fromSchema + ", table " + fromTable);
                }
            }
        }
        return out;
    }

    private static final Map<String, String> SAMPLE = Map.of("node", "pve1", "vmid", "101", "newid", "150", "storage", "local",
            "snapname", "s1", "volume", "local:iso/x.iso", "sid", "vm:101", "userid", "ops@pve", "tokenid", "t1", "groupid", "g1");

    private static Map<String, String> withPool() {
        Map<String, String> p = new java.util.HashMap<>(SAMPLE);
        p.put("pool", "lab");
        return p;
    }
}
