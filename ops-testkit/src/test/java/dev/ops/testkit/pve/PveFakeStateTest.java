package dev.ops.testkit.pve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake keeps cluster state the way PVE does: guests, digests, snapshots, tasks and locks. */
@Timeout(30)
class PveFakeStateTest {

    private PveFakeServer pve;
    private PveHttp http;

    @BeforeEach
    void start() {
        pve = PveFakeServer.builder().node("pve-01").node("pve-02")
                .storage("local", "iso,vztmpl,backup").storage("local-lvm", "images,rootdir")
                .vm(100, "pve-01", vm -> vm.name("web").set("memory", "4096").set("scsi0", "local-lvm:32")
                        .set("net0", "virtio,bridge=vmbr0"))
                .vm(9000, "pve-01", vm -> vm.name("tmpl").set("scsi0", "local-lvm:8").template())
                .container(200, "pve-02", ct -> ct.name("dns").set("rootfs", "local-lvm:4").running())
                .volume("pve-01", "local:vztmpl/debian-13-standard_13.1-1_amd64.tar.zst", 120L << 20)
                .token("root@pam", "ops", "secret")
                .taskDuration(Duration.ZERO)
                .start();
        http = PveHttp.withToken(pve);
    }

    @AfterEach
    void stop() {
        pve.close(); // strict: fails the test if any request above violated the schema
    }

    private String upid(PveHttp.Answer a) {
        assertThat(a.status()).as(a.raw()).isEqualTo(200);
        return a.data().asText();
    }

    @Test
    void upidHasTheRealFormat() {
        String upid = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        assertThat(upid).matches("UPID:pve-01:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:qmstart:100:root@pam!ops:");
        JsonNode st = http.get("/nodes/pve-01/tasks/" + PveHttp.enc(upid) + "/status").data();
        assertThat(st.path("upid").asText()).isEqualTo(upid);
        assertThat(st.path("type").asText()).isEqualTo("qmstart");
        assertThat(st.path("user").asText()).isEqualTo("root@pam");
        assertThat(st.path("tokenid").asText()).isEqualTo("ops");
        assertThat(Long.parseLong(upid.split(":")[4], 16)).isEqualTo(st.path("starttime").asLong());
    }

    @Test
    void cloneThenTheCloneExistsWithItsOwnDisk() {
        String upid = upid(http.post("/nodes/pve-01/qemu/100/clone", "newid", "101", "name", "web2", "full", "1"));
        assertThat(http.awaitTask("pve-01", upid).path("exitstatus").asText()).isEqualTo("OK");
        JsonNode cfg = http.get("/nodes/pve-01/qemu/101/config").data();
        assertThat(cfg.path("name").asText()).isEqualTo("web2");
        assertThat(cfg.path("memory").asInt()).isEqualTo(4096);
        assertThat(cfg.path("scsi0").asText()).startsWith("local-lvm:vm-101-disk-0");
        assertThat(cfg.path("net0").asText()).isNotEqualTo(http.get("/nodes/pve-01/qemu/100/config").data().path("net0").asText());
        assertThat(cfg.has("lock")).isFalse();
        assertThat(pve.volumes("pve-01", "local-lvm")).contains("local-lvm:vm-101-disk-0");
    }

    @Test
    void linkedCloneOfATemplateIsAllowed() {
        String upid = upid(http.post("/nodes/pve-01/qemu/9000/clone", "newid", "300"));
        assertThat(http.awaitTask("pve-01", upid).path("exitstatus").asText()).isEqualTo("OK");
        assertThat(pve.hasGuest(300)).isTrue();
    }

    @Test
    void configDigestChangesOnEveryWrite() {
        String d1 = http.get("/nodes/pve-01/qemu/100/config").data().path("digest").asText();
        assertThat(http.put("/nodes/pve-01/qemu/100/config", "memory", "8192").status()).isEqualTo(200);
        String d2 = http.get("/nodes/pve-01/qemu/100/config").data().path("digest").asText();
        assertThat(d1).hasSize(40).isNotEqualTo(d2);
    }

    @Test
    void writeWithAStaleDigestIsRefused() {
        String stale = http.get("/nodes/pve-01/qemu/100/config").data().path("digest").asText();
        http.put("/nodes/pve-01/qemu/100/config", "cores", "4");
        var a = http.put("/nodes/pve-01/qemu/100/config", "memory", "1024", "digest", stale);
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).isEqualTo("detected modified configuration - file changed by other user? Try again.");
        assertThat(pve.guestConfig(100).orElseThrow()).containsEntry("memory", "4096");
    }

    @Test
    void writeWithTheCurrentDigestSucceeds() {
        String digest = http.get("/nodes/pve-01/qemu/100/config").data().path("digest").asText();
        assertThat(http.put("/nodes/pve-01/qemu/100/config", "memory", "1024", "digest", digest).status()).isEqualTo(200);
        assertThat(pve.guestConfig(100).orElseThrow()).containsEntry("memory", "1024");
    }

    @Test
    void deleteRemovesKeysAndDetachesDisksAsUnused() {
        upid(http.post("/nodes/pve-01/qemu/100/config", "delete", "scsi0,memory", "cores", "8"));
        var cfg = pve.guestConfig(100).orElseThrow();
        assertThat(cfg).doesNotContainKeys("scsi0", "memory").containsEntry("cores", "8");
        assertThat(cfg.get("unused0")).isEqualTo("local-lvm:vm-100-disk-0");
    }

    @Test
    void snapshotLifecycleCreateListRollbackDelete() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/snapshot", "snapname", "before",
                "description", "pre-upgrade")));
        http.put("/nodes/pve-01/qemu/100/config", "memory", "16384");

        List<String> names = new ArrayList<>();
        http.get("/nodes/pve-01/qemu/100/snapshot").data().forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("before", "current");

        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/snapshot/before/rollback")));
        assertThat(pve.guestConfig(100).orElseThrow()).containsEntry("memory", "4096").containsEntry("parent", "before");

        http.awaitTask("pve-01", upid(http.delete("/nodes/pve-01/qemu/100/snapshot/before")));
        names.clear();
        http.get("/nodes/pve-01/qemu/100/snapshot").data().forEach(s -> names.add(s.path("name").asText()));
        assertThat(names).containsExactly("current");
    }

    @Test
    void rollbackToAMissingSnapshotFails() {
        var a = http.post("/nodes/pve-01/qemu/100/snapshot/nope/rollback");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).isEqualTo("snapshot 'nope' does not exist");
    }

    @Test
    void guestIsLockedWhileACloneRunsAndUnlockedAfter() {
        pve.taskDuration(Duration.ofMillis(300));
        String upid = upid(http.post("/nodes/pve-01/qemu/100/clone", "newid", "101"));
        var a = http.put("/nodes/pve-01/qemu/100/config", "memory", "1024");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).isEqualTo("VM is locked (clone)");
        assertThat(http.get("/nodes/pve-01/qemu/101/status/current").data().path("lock").asText()).isEqualTo("clone");

        http.awaitTask("pve-01", upid);
        assertThat(http.put("/nodes/pve-01/qemu/100/config", "memory", "1024").status()).isEqualTo(200);
    }

    @Test
    void aPowerTaskHoldsTheConfigFileLock() {
        pve.taskDuration(Duration.ofMillis(300));
        String upid = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        var a = http.post("/nodes/pve-01/qemu/100/snapshot", "snapname", "s1");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).isEqualTo("can't lock file '/var/lock/qemu-server/lock-100.conf' - got timeout");
        http.awaitTask("pve-01", upid);
    }

    @Test
    void taskRunsUntilItsDelayThenCompletesOkAndChangesState() {
        pve.taskDuration(Duration.ofMillis(200));
        String upid = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        JsonNode running = http.get("/nodes/pve-01/tasks/" + PveHttp.enc(upid) + "/status").data();
        assertThat(running.path("status").asText()).isEqualTo("running");
        assertThat(running.has("exitstatus")).isFalse();
        assertThat(pve.guestStatus(100)).contains("stopped");

        JsonNode done = http.awaitTask("pve-01", upid);
        assertThat(done.path("exitstatus").asText()).isEqualTo("OK");
        assertThat(http.get("/nodes/pve-01/qemu/100/status/current").data().path("status").asText()).isEqualTo("running");
    }

    @Test
    void taskFailsOnDemandWithItsMessageAndLeavesNoClone() {
        pve.failNextTask("clone failed: storage 'local-lvm' is full");
        String upid = upid(http.post("/nodes/pve-01/qemu/100/clone", "newid", "101"));
        JsonNode st = http.awaitTask("pve-01", upid);
        assertThat(st.path("exitstatus").asText()).isEqualTo("clone failed: storage 'local-lvm' is full");
        assertThat(pve.hasGuest(101)).isFalse();
        assertThat(pve.guestConfig(100).orElseThrow()).doesNotContainKey("lock");
        JsonNode log = http.get("/nodes/pve-01/tasks/" + PveHttp.enc(upid) + "/log").data();
        assertThat(log.get(log.size() - 1).path("t").asText()).isEqualTo("TASK ERROR: clone failed: storage 'local-lvm' is full");
    }

    @Test
    void taskMayEndWithWarnings() {
        pve.failTasks("qmstart", "WARNINGS: 2");
        JsonNode st = http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/start")));
        assertThat(st.path("exitstatus").asText()).isEqualTo("WARNINGS: 2");
        assertThat(pve.guestStatus(100)).contains("running");
    }

    @Test
    void taskLogHasNumberedLinesAndTotal() {
        String upid = upid(http.post("/nodes/pve-01/qemu/100/clone", "newid", "101"));
        var a = http.get("/nodes/pve-01/tasks/" + PveHttp.enc(upid) + "/log");
        assertThat(a.json().path("total").asInt()).isEqualTo(a.data().size());
        assertThat(a.data().get(0).path("n").asInt()).isEqualTo(1);
        assertThat(a.data().get(a.data().size() - 1).path("t").asText()).isEqualTo("TASK OK");
    }

    @Test
    void taskListShowsFinishedTasksOfTheNode() {
        String upid = upid(http.post("/nodes/pve-01/qemu/100/status/start"));
        JsonNode list = http.get("/nodes/pve-01/tasks", "vmid", "100").data();
        assertThat(list.get(0).path("upid").asText()).isEqualTo(upid);
        assertThat(list.get(0).path("status").asText()).isEqualTo("OK");
    }

    @Test
    void nextIdIsTheSmallestFreeVmid() {
        assertThat(http.get("/cluster/nextid").data().asText()).isEqualTo("101");
    }

    @Test
    void nextIdRefusesATakenVmid() {
        var a = http.get("/cluster/nextid", "vmid", "100");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.errors().path("vmid").asText()).isEqualTo("VM 100 already exists");
        assertThat(pve.violations()).as("a state conflict is not a schema violation").isEmpty();
    }

    @Test
    void clusterResourcesFilterByType() {
        List<String> ids = new ArrayList<>();
        http.get("/cluster/resources", "type", "vm").data().forEach(n -> ids.add(n.path("id").asText()));
        assertThat(ids).containsExactly("qemu/100", "lxc/200", "qemu/9000");
        JsonNode storage = http.get("/cluster/resources", "type", "storage").data();
        assertThat(storage).allSatisfy(n -> assertThat(n.path("type").asText()).isEqualTo("storage")).hasSize(4);
    }

    @Test
    void listingsFollowEveryWriteAndEveryTaskEnd() {
        assertThat(status("/cluster/resources", "qemu/100")).isEqualTo("stopped");
        pve.taskDuration(Duration.ofMillis(150));
        String clone = upid(http.post("/nodes/pve-01/qemu/100/clone", "newid", "101", "name", "web2"));
        assertThat(lock("/cluster/resources", "qemu/100")).as("locked while the clone runs").isEqualTo("clone");
        http.awaitTask("pve-01", clone);
        assertThat(lock("/cluster/resources", "qemu/100")).isEmpty();
        assertThat(status("/cluster/resources", "qemu/101")).isEqualTo("stopped");

        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/start")));
        assertThat(status("/cluster/resources", "qemu/100")).isEqualTo("running");
        assertThat(status("/nodes/pve-01/qemu", "100")).isEqualTo("running");
    }

    @Test
    void listedUptimeFollowsTheClock() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        try (PveFakeServer timed = PveFakeServer.builder().node("pve-01").clock(clock).token("root@pam", "ops", "secret")
                .container(200, "pve-01", ct -> ct.name("dns").running()).start()) {
            PveHttp h = PveHttp.withToken(timed);
            long before = uptime(h);
            clock.advance(Duration.ofSeconds(42));
            assertThat(uptime(h)).isEqualTo(before + 42);
        }
    }

    private static long uptime(PveHttp h) {
        return h.get("/cluster/resources", "type", "vm").data().get(0).path("uptime").asLong();
    }

    private String status(String listing, String id) {
        return entry(listing, id).path("status").asText();
    }

    private String lock(String listing, String id) {
        return entry(listing, id).path("lock").asText("");
    }

    private JsonNode entry(String listing, String id) {
        for (JsonNode n : http.get(listing).data()) {
            if (id.equals(n.path("id").asText(n.path("vmid").asText()))) {
                return n;
            }
        }
        throw new AssertionError(id + " is not in " + listing);
    }

    @Test
    void createQemuAllocatesDisksAndAssignsAMac() {
        String upid = upid(http.post("/nodes/pve-02/qemu", "vmid", "150", "name", "db", "memory", "2048",
                "scsi0", "local-lvm:16,discard=on", "net0", "virtio,bridge=vmbr0", "scsihw", "virtio-scsi-single"));
        assertThat(upid).contains(":qmcreate:150:");
        var cfg = pve.guestConfig(150).orElseThrow();
        assertThat(cfg.get("scsi0")).isEqualTo("local-lvm:vm-150-disk-0,discard=on,size=16G");
        assertThat(cfg.get("net0")).matches("virtio=BC:24:11:[0-9A-F:]{8},bridge=vmbr0");
        assertThat(pve.guestNode(150)).contains("pve-02");
    }

    @Test
    void createContainerNeedsAnExistingTemplate() {
        var bad = http.post("/nodes/pve-01/lxc", "vmid", "250", "ostemplate", "local:vztmpl/missing.tar.zst");
        assertThat(bad.status()).isEqualTo(500);
        var ok = http.post("/nodes/pve-01/lxc", "vmid", "250", "hostname", "ct1",
                "ostemplate", "local:vztmpl/debian-13-standard_13.1-1_amd64.tar.zst", "rootfs", "local-lvm:8",
                "net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(pve.guestConfig(250).orElseThrow().get("rootfs")).startsWith("local-lvm:vm-250-disk-0");
    }

    @Test
    void createOnATakenVmidFails() {
        var a = http.post("/nodes/pve-01/qemu", "vmid", "100");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).contains("already exists");
    }

    @Test
    void backupThenRestoreToANewVmid() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/vzdump", "vmid", "100", "storage", "local",
                "mode", "snapshot", "compress", "zstd")));
        JsonNode backups = http.get("/nodes/pve-01/storage/local/content", "content", "backup").data();
        assertThat(backups).hasSize(1);
        String volid = backups.get(0).path("volid").asText();
        assertThat(volid).matches("local:backup/vzdump-qemu-100-\\d{4}_\\d{2}_\\d{2}-\\d{2}_\\d{2}_\\d{2}\\.vma\\.zst");

        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu", "vmid", "110", "archive", volid,
                "storage", "local-lvm")));
        var cfg = pve.guestConfig(110).orElseThrow();
        assertThat(cfg).containsEntry("name", "web").containsEntry("memory", "4096");
        assertThat(cfg.get("scsi0")).startsWith("local-lvm:vm-110-disk-0");
    }

    @Test
    void backupVolumeCanBeDeletedByItsEncodedVolumeId() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/vzdump", "vmid", "100", "storage", "local")));
        String volid = pve.volumes("pve-01", "local").stream().filter(v -> v.contains(":backup/")).findFirst().orElseThrow();
        http.awaitTask("pve-01", upid(http.delete("/nodes/pve-01/storage/local/content/" + PveHttp.enc(volid))));
        assertThat(pve.volumes("pve-01", "local")).doesNotContain(volid);
    }

    @Test
    void containerSnapshotsWorkLikeVmSnapshots() {
        http.awaitTask("pve-02", upid(http.post("/nodes/pve-02/lxc/200/snapshot", "snapname", "s1")));
        http.put("/nodes/pve-02/lxc/200/config", "memory", "1024");
        http.awaitTask("pve-02", upid(http.post("/nodes/pve-02/lxc/200/snapshot/s1/rollback")));
        assertThat(pve.guestConfig(200).orElseThrow()).containsEntry("memory", "512");
    }

    @Test
    void backupLocksTheGuestWhileItRuns() {
        pve.taskDuration(Duration.ofMillis(300));
        String upid = upid(http.post("/nodes/pve-01/vzdump", "vmid", "100", "storage", "local"));
        assertThat(http.post("/nodes/pve-01/qemu/100/status/start").message()).isEqualTo("VM is locked (backup)");
        http.awaitTask("pve-01", upid);
    }

    @Test
    void backupToAStorageWithoutBackupContentFails() {
        var a = http.post("/nodes/pve-01/vzdump", "vmid", "100", "storage", "local-lvm");
        assertThat(a.message()).isEqualTo("storage 'local-lvm' does not support backups");
    }

    @Test
    void multipartUploadCreatesTheVolume() {
        String boundary = "ops-boundary-42";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"\r\n\r\niso\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"filename\"; filename=\"alpine.iso\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(4096) + "\r\n--" + boundary + "--\r\n";
        var a = http.send("POST", "/nodes/pve-01/storage/local/upload", body, "multipart/form-data; boundary=" + boundary,
                Duration.ofSeconds(10));
        http.awaitTask("pve-01", upid(a));
        JsonNode iso = http.get("/nodes/pve-01/storage/local/content", "content", "iso").data();
        assertThat(iso.get(0).path("volid").asText()).isEqualTo("local:iso/alpine.iso");
        assertThat(iso.get(0).path("size").asLong()).isEqualTo(4096);
    }

    @Test
    void downloadUrlCreatesTheVolumeWithoutFetching() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/storage/local/download-url", "content", "iso",
                "filename", "debian.iso", "url", "https://example.invalid/debian.iso")));
        assertThat(pve.volumes("pve-01", "local")).contains("local:iso/debian.iso");
    }

    @Test
    void migrateMovesTheGuestToTheTargetNode() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/migrate", "target", "pve-02")));
        assertThat(pve.guestNode(100)).contains("pve-02");
        assertThat(http.get("/nodes/pve-01/qemu/100/config").status()).isEqualTo(500);
        assertThat(http.get("/nodes/pve-02/qemu/100/config").status()).isEqualTo(200);
    }

    @Test
    void migratingARunningContainerWithoutRestartFails() {
        var a = http.post("/nodes/pve-02/lxc/200/migrate", "target", "pve-01");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).contains("CT is running");
    }

    @Test
    void deleteRunningGuestFailsAndStoppedGuestIsRemoved() {
        assertThat(http.delete("/nodes/pve-02/lxc/200").message()).isEqualTo("CT 200 is running - destroy failed");
        http.awaitTask("pve-02", upid(http.post("/nodes/pve-02/lxc/200/status/stop")));
        http.awaitTask("pve-02", upid(http.delete("/nodes/pve-02/lxc/200")));
        assertThat(pve.hasGuest(200)).isFalse();
        assertThat(pve.volumes("pve-02", "local-lvm")).isEmpty();
    }

    @Test
    void startStopShutdownFollowTheGuestsState() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/start")));
        assertThat(http.post("/nodes/pve-01/qemu/100/status/start").message()).isEqualTo("VM 100 already running");
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/shutdown")));
        assertThat(pve.guestStatus(100)).contains("stopped");
        assertThat(http.post("/nodes/pve-01/qemu/100/status/shutdown").message()).isEqualTo("VM 100 not running");
    }

    @Test
    void suspendAndResumeShowInQmpStatus() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/start")));
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/suspend")));
        assertThat(http.get("/nodes/pve-01/qemu/100/status/current").data().path("qmpstatus").asText()).isEqualTo("paused");
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/resume")));
        assertThat(http.get("/nodes/pve-01/qemu/100/status/current").data().path("qmpstatus").asText()).isEqualTo("running");
    }

    @Test
    void templateConversionMarksTheGuest() {
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/template")));
        assertThat(http.get("/nodes/pve-01/qemu/100/config").data().path("template").asInt()).isEqualTo(1);
    }

    @Test
    void haResourcesCanBeAddedListedAndRemoved() {
        assertThat(http.post("/cluster/ha/resources", "sid", "vm:100", "state", "started", "max_restart", "2").status())
                .isEqualTo(200);
        JsonNode list = http.get("/cluster/ha/resources").data();
        assertThat(list.get(0).path("sid").asText()).isEqualTo("vm:100");
        assertThat(http.get("/cluster/resources", "type", "vm").data().get(0).path("hastate").asText()).isEqualTo("started");
        assertThat(http.delete("/cluster/ha/resources/vm:100").status()).isEqualTo(200);
        assertThat(http.get("/cluster/ha/resources").data()).isEmpty();
    }

    @Test
    void nodesStatusNetworkAndClusterStatusDescribeTheSeed() {
        assertThat(http.get("/nodes").data()).extracting(n -> n.path("node").asText()).containsExactly("pve-01", "pve-02");
        assertThat(http.get("/nodes").data().get(0).path("ssl_fingerprint").asText()).isEqualTo(pve.fingerprint());
        assertThat(http.get("/nodes/pve-02/status").data().path("pveversion").asText()).startsWith("pve-manager/9.1");
        assertThat(http.get("/nodes/pve-01/network", "type", "bridge").data().get(0).path("iface").asText()).isEqualTo("vmbr0");
        assertThat(http.get("/cluster/status").data().get(0).path("quorate").asInt()).isEqualTo(1);
    }

    @Test
    void resizeGrowsTheDiskAndRefusesToShrink() {
        http.awaitTask("pve-01", upid(http.put("/nodes/pve-01/qemu/100/resize", "disk", "scsi0", "size", "+8G")));
        assertThat(pve.guestConfig(100).orElseThrow().get("scsi0")).isEqualTo("local-lvm:vm-100-disk-0,size=40G");
        var shrink = http.put("/nodes/pve-01/qemu/100/resize", "disk", "scsi0", "size", "10G");
        assertThat(shrink.status()).isEqualTo(500);
        assertThat(shrink.message()).isEqualTo("shrinking disks is not supported");
    }

    @Test
    void guestAgentReportsInterfacesOnlyWhenEnabledAndRunning() {
        assertThat(http.get("/nodes/pve-01/qemu/100/agent/network-get-interfaces").message())
                .isEqualTo("No QEMU guest agent configured");
        http.put("/nodes/pve-01/qemu/100/config", "agent", "1");
        http.awaitTask("pve-01", upid(http.post("/nodes/pve-01/qemu/100/status/start")));
        JsonNode result = http.get("/nodes/pve-01/qemu/100/agent/network-get-interfaces").data().path("result");
        assertThat(result.get(1).path("ip-addresses").get(0).path("ip-address").asText()).startsWith("192.0.2.");
    }

    @Test
    void aclGrantedThroughTheApiTakesEffect() {
        assertThat(http.post("/access/users", "userid", "carol@pve", "password", "carolpass1").status()).isEqualTo(200);
        assertThat(http.put("/access/acl", "path", "/vms/100", "roles", "PVEVMUser", "users", "carol@pve").status())
                .isEqualTo(200);
        var login = PveHttp.anonymous(pve).post("/access/ticket", "username", "carol@pve", "password", "carolpass1");
        var carol = PveHttp.anonymous(pve).header("Cookie", "PVEAuthCookie=" + PveHttp.enc(login.data().path("ticket").asText()))
                .header("CSRFPreventionToken", login.data().path("CSRFPreventionToken").asText());
        assertThat(carol.post("/nodes/pve-01/qemu/100/status/start").status()).isEqualTo(200);
        assertThat(carol.post("/nodes/pve-01/qemu/100/clone", "newid", "555").message())
                .isEqualTo("Permission check failed (/vms/100, VM.Clone)");
        JsonNode acl = http.get("/access/acl").data();
        assertThat(acl).anySatisfy(e -> {
            assertThat(e.path("ugid").asText()).isEqualTo("carol@pve");
            assertThat(e.path("roleid").asText()).isEqualTo("PVEVMUser");
        });
    }

    @Test
    void unknownNodeIsAnError() {
        var a = http.get("/nodes/pve-09/qemu");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.message()).startsWith("hostname lookup 'pve-09' failed");
    }

    @Test
    void directoryIndexListsChildren() {
        JsonNode dirs = http.get("/nodes/pve-01/qemu/100").data();
        assertThat(dirs).extracting(n -> n.path("subdir").asText()).contains("config", "status", "snapshot", "clone");
    }
}
