package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.backup.BackupRequest;
import dev.ops.pve.backup.RestoreRequest;
import dev.ops.pve.cluster.ResourceType;
import dev.ops.pve.guest.CreateContainerRequest;
import dev.ops.pve.guest.CreateVmRequest;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestType;
import dev.ops.pve.guest.MigrateRequest;
import dev.ops.pve.storage.DownloadUrlRequest;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import dev.ops.testkit.pve.junit.EnablePveFake;
import dev.ops.testkit.pve.junit.PveSeed;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's calls against the fake: the client's typed reads, every change of {@link PveChanges} and of
 * {@link ProxmoxAccess}, applied and rolled back. The fake answers each of them: none gets a 501 (a path the
 * real API lacks, or one the fake does not implement), and none breaks the schema (the extension is strict).
 * A change added to either class without being driven here fails {@link #everyChangeIsDriven}.
 */
@EnablePveFake(nodes = {"pve1", "pve2"}, taskMillis = 0)
@Timeout(60)
class SdkConformanceTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The changes this test drives, by method name. */
    private static final Set<String> DRIVEN_PVE = new TreeSet<>();
    private static final Set<String> DRIVEN_ACCESS = new TreeSet<>();
    PveFakeServer server;
    PveClient client;

    @PveSeed
    static void seed(PveFakeServer.Builder b) {
        b.vm(9000, "pve1", vm -> vm.name("tmpl").set("scsi0", "local-lvm:8").template())
                .vm(101, "pve1", vm -> vm.name("web").set("scsi0", "local-lvm:8"))
                .container(201, "pve1", ct -> ct.name("ct").set("rootfs", "local-lvm:4"))
                .volume("pve1", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", 1 << 20)
                .storage("local", "iso,vztmpl,backup").storage("local-lvm", "images,rootdir").storage("fast", "images,rootdir");
    }

    private static <T> Applied<T> pve(String method, Change<T> change) {
        DRIVEN_PVE.add(method);
        change.plan();
        return change.apply();
    }

    private static <T> Applied<T> access(String method, Change<T> change) {
        DRIVEN_ACCESS.add(method);
        change.plan();
        return change.apply();
    }

    @Test
    void theFakeAnswersEverySdkCall(@TempDir Path dir) throws Exception {
        // The client's typed reads.
        client.version();
        client.cluster().status();
        client.cluster().resources();
        for (ResourceType t : ResourceType.values()) {
            client.cluster().resources(t);
        }
        client.cluster().nextId();
        client.cluster().isFree(101);
        client.findGuest(101);
        client.nodes();
        client.ha().list();
        client.pools().list();
        var node = client.node("pve1");
        node.status();
        node.network();
        node.storages();
        node.tasks(q -> q.vmid(101).limit(10));
        node.storage("local").list();
        node.taskList(q -> q.limit(5).start(0).typefilter("qmstart"));
        node.networkConfig();
        node.version();
        node.rrd(dev.ops.pve.node.RrdTimeframe.HOUR);
        node.firewallOptions();
        client.cluster().firewallOptions();
        client.cluster().joinInfo();
        client.ha().status();
        node.qemu().list();
        node.lxc().list();
        Guest vm = node.qemu().vm(101);
        Guest ct = node.lxc().container(201);
        for (Guest g : List.of(vm, ct)) {
            g.status();
            g.config();
            g.snapshots().list();
        }
        node.rrd(vm, dev.ops.pve.node.RrdTimeframe.DAY);
        client.preflight().privilege("/vms/101", "VM.Audit").run();

        // Every change of PveChanges, applied and rolled back where it can be.
        Ops ops = Ops.inMemory();
        PveChanges ch = client.guests(ops);
        pve("start", ch.start(vm)).rollback();
        pve("start", ch.start(vm));
        pve("suspend", ch.suspend(vm)).rollback();
        pve("suspend", ch.suspend(vm));
        pve("resume", ch.resume(vm));
        pve("reboot", ch.reboot(vm));
        pve("shutdown", ch.shutdown(vm)).rollback();
        pve("stop", ch.stop(vm)).rollback();
        pve("stop", ch.stop(vm));
        pve("updateConfig", ch.updateConfig(vm, u -> u.cores(4).description("conformance"))).rollback();
        pve("snapshot", ch.snapshot(vm, s -> s.name("s1").description("first")));
        pve("rollbackToSnapshot", ch.rollbackToSnapshot(vm, "s1"));
        pve("deleteSnapshot", ch.deleteSnapshot(vm, "s1"));
        pve("backup", ch.backup(vm, BackupRequest.builder().storage("local").mode("snapshot").compress("zstd").build()));
        String backup = server.volumes("pve1", "local").stream().filter(v -> v.contains("vzdump-qemu-101-")).findFirst().orElseThrow();
        pve("restore", ch.restore(node, GuestType.QEMU, RestoreRequest.builder().archive(backup).vmid(302).storage("local-lvm")
                .build())).rollback();
        pve("haAdd", ch.haAdd(vm, h -> h.state("started"))).rollback();
        ch.haAdd(vm, h -> h.state("started")).apply();
        pve("haRemove", ch.haRemove(vm)).rollback();
        client.ha().rules();
        pve("haRule", ch.haRule(r -> r.rule("web-on-pve2").nodeAffinity().addResources("vm:101").putNodes("pve2", 2))).rollback();
        ch.haRule(r -> r.rule("web-on-pve2").nodeAffinity().addResources("vm:101").putNodes("pve2", 2)).apply();
        pve("removeHaRule", ch.removeHaRule("web-on-pve2")).rollback();
        ch.removeHaRule("web-on-pve2").apply();
        pve("migrate", ch.migrate(ct, MigrateRequest.builder().targetNode("pve2").build())).rollback();
        pve("clone", ch.clone(node.qemu().vm(9000), c -> c.newId(150).name("web-1").full(true))).rollback();
        pve("createVm", ch.createVm(node, CreateVmRequest.builder().vmid(300).name("vm-300").memoryMb(1024)
                .putOptions("scsi0", "local-lvm:8").build())).rollback();
        pve("createContainer", ch.createContainer(node, CreateContainerRequest.builder().vmid(301)
                .osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst").hostname("ct-301").rootfs("local-lvm:4").build()))
                .rollback();
        pve("createPool", ch.createPool(p -> p.poolid("lab").comment("the lab")));
        pve("addToPool", ch.addToPool("lab", List.of(vm))).rollback();
        pve("deletePool", ch.deletePool("lab")).rollback();
        pve("downloadUrl", ch.downloadUrl(node.storage("local"), DownloadUrlRequest.builder().url("https://example.org/a.iso")
                .fileName("a.iso").content("iso").build())).rollback();
        Path iso = Files.writeString(dir.resolve("tiny.iso"), "not really an iso");
        pve("upload", ch.upload(node.storage("local"), u -> u.content("iso").file(iso))).rollback();
        pve("moveDisk", ch.moveDisk(vm, "scsi0", "fast")).rollback();
        pve("resizeDisk", ch.resizeDisk(vm, "scsi0", "+1G"));
        pve("replicationJob", ch.replicationJob(r -> r.guest(101).target("pve2").schedule("*/30")));
        pve("runReplication", ch.runReplication("101-0"));
        client.replication().states("pve1");
        pve("removeReplicationJob", ch.removeReplicationJob("101-0"));
        pve("networkInterface", ch.networkInterface(node, i -> i.iface("vmbr1").type("bridge").putSettings("bridge_ports", "eno2")));
        pve("removeNetworkInterface", ch.removeNetworkInterface(node, "vmbr1")).rollback();
        pve("applyNetwork", ch.applyNetwork(node));
        ch.networkInterface(node, i -> i.iface("vmbr2").type("bridge")).apply();
        pve("revertNetwork", ch.revertNetwork(node));
        pve("clusterFirewallOptions", ch.clusterFirewallOptions(java.util.Map.of("enable", "1"))).rollback();
        pve("nodeFirewallOptions", ch.nodeFirewallOptions(node, java.util.Map.of("log_level_in", "info"))).rollback();
        ch.updateConfig(vm, u -> u.set("agent", "1")).apply();
        pve("start", ch.start(vm));
        pve("agentFileWrite", ch.agentFileWrite(vm, "/etc/motd", "conformance\n")).rollback();
        pve("shutdown", ch.shutdown(vm, s -> s.timeout(Duration.ofSeconds(30)).forceStop(true)));
        var running = client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", java.util.Map.of("node", "pve1", "vmid", 101));
        pve("stopTask", ch.stopTask(running.upid()));
        pve("convertToTemplate", ch.convertToTemplate(node.lxc().container(201)));
        pve("delete", ch.delete(vm));

        try (PveFakeServer pve3 = PveFakeServer.builder().node("pve3").clusterName("").token("root@pam", "ops", "pve3-secret").start()
                .joinableInto(server)) {
            PveClient newcomer = PveClient.builder().baseUrl(pve3.baseUri().toString()).pinnedCertificate(pve3.fingerprint())
                    .apiToken("root@pam", "ops", Secret.of("pve3-secret")).build();
            var info = client.cluster().joinInfo();
            String rootPassword = "Conformance-Root-1";
            server.seed(b -> b.user("root@pam", rootPassword));
            pve("joinCluster", newcomer.changes(ops).joinCluster(j -> j.from(info).password(Secret.of(rootPassword))));
            pve3.assertNoSchemaViolations();
        }

        // Every change of ProxmoxAccess, and its reads.
        ProxmoxAccess pa = ProxmoxAccess.on(client, ops);
        access("group", pa.group("ops").comment("operators").present());
        access("user", pa.user("alice@pve").email("alice@example.org").groups("ops").password(Secret.of("Conformance-Pass-1"))
                .present());
        pa.user("alice@pve").comment("changed").enabled(false).present().apply().rollback();
        var token = access("token", pa.token("alice@pve", "ci").privilegeSeparation(true).comment("pipeline").present());
        pa.token("alice@pve", "ci").comment("").present().apply().rollback();
        access("acl", pa.acl("/vms/101").role("PVEVMUser").user("alice@pve").group("ops").token("alice@pve!ci").present())
                .rollback();
        pa.findUser("alice@pve");
        pa.findGroup("ops");
        pa.findToken("alice@pve", "ci");
        pa.acl("/vms/101").role("PVEVMUser").user("alice@pve").present().apply();
        pa.acl("/vms/101").role("PVEVMUser").user("alice@pve").absent().apply().rollback();
        pa.token("alice@pve", "ci").absent().apply();
        assertThat(token.value().fullId()).isEqualTo("alice@pve!ci");
        pa.user("alice@pve").absent().apply().rollback();
        pa.group("ops").absent().apply().rollback();

        List<RecordedCall> notAnswered = server.requests().stream().filter(r -> r.status() == 501).toList();
        assertThat(notAnswered).as("SDK calls the fake answered with 501").isEmpty();
        server.assertNoSchemaViolations();
    }

    @Test
    void everyChangeIsDriven() throws Exception {
        theFakeAnswersEverySdkCall(Files.createTempDirectory("conformance"));
        assertThat(DRIVEN_PVE).as("PveChanges' changes driven by this test").containsAll(changeMethods(PveChanges.class));
        assertThat(DRIVEN_ACCESS).as("ProxmoxAccess' entry points driven by this test")
                .containsAll(Set.of("user", "group", "token", "acl"));
    }

    /** The public methods of a class that return a {@link Change}. */
    private static Set<String> changeMethods(Class<?> type) {
        return Arrays.stream(type.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> Change.class.isAssignableFrom(m.getReturnType())).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
