package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.CloudInit;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestConfig;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GuestChangesTest {
    private final PveFakeServer pve = Fakes.cluster()
            .volume("pve1", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", 100 << 20)
            .volume("pve1", "local:backup/vzdump-qemu-101.vma.zst", 100 << 20).start();
    private final PveClient client = Fakes.client(pve);
    private final Ops ops = Ops.inMemory();
    private final PveChanges changes = client.changes(ops);

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    /** Seeds a VM on pve1 with one core. */
    private void seedVm(int vmid, String name, java.util.function.Consumer<dev.ops.testkit.pve.GuestSpec> more) {
        pve.seed(b -> b.vm(vmid, "pve1", vm -> {
            vm.name(name).set("cores", "1");
            more.accept(vm);
        }));
    }

    private void seedVm(int vmid, String name) {
        seedVm(vmid, name, vm -> { });
    }

    private dev.ops.testkit.pve.GuestState state(int vmid) {
        return pve.guest(vmid).orElseThrow();
    }

    private Guest vm(int vmid) {
        return client.node("pve1").qemu().vm(vmid);
    }

    @Test
    void startPlansTheExactCallAndChangesNothing() {
        seedVm(101, "web");
        Plan plan = changes.start(vm(101)).plan();
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).action().render()).isEqualTo("POST /nodes/pve1/qemu/101/status/start (await task)");
        assertThat(plan.steps().get(0).undo().orElseThrow().render()).isEqualTo("POST /nodes/pve1/qemu/101/status/stop (await task)");
        assertThat(state(101).running()).isFalse();
        assertThat(Fakes.calls(pve, "POST", "/status/start")).isEmpty();
    }

    @Test
    void startThenRollbackStopsTheGuest() {
        seedVm(101, "web");
        Applied<GuestStatus> done = changes.start(vm(101)).apply();
        assertThat(done.value().running()).isTrue();
        assertThat(state(101).running()).isTrue();
        done.rollback();
        assertThat(state(101).running()).isFalse();
    }

    @Test
    void startingARunningGuestPlansNothing() {
        seedVm(101, "web", vm -> vm.running());
        assertThat(changes.start(vm(101)).plan().isEmpty()).isTrue();
        assertThat(changes.start(vm(101)).apply().changed()).isFalse();
    }

    @Test
    void stopThenRollbackStartsTheGuest() {
        pve.seed(b -> b.container(200, "pve1", ct -> ct.name("ct").running()));
        Applied<GuestStatus> done = changes.stop(client.node("pve1").lxc().container(200)).apply();
        assertThat(state(200).running()).isFalse();
        done.rollback();
        assertThat(state(200).running()).isTrue();
    }

    @Test
    void suspendThenRollbackResumes() {
        seedVm(101, "web", vm -> vm.running());
        Applied<GuestStatus> done = changes.suspend(vm(101)).apply();
        assertThat(state(101).paused()).isTrue();
        done.rollback();
        assertThat(state(101).paused()).isFalse();
    }

    @Test
    void aShutdownWaitsAtMostItsTimeoutAndThenStopsTheGuestHardWhenAsked() {
        seedVm(101, "web", vm -> vm.running());

        Applied<GuestStatus> done = changes.shutdown(vm(101), s -> s.timeout(java.time.Duration.ofSeconds(30)).forceStop(true)).apply();

        var call = Fakes.calls(pve, "POST", "/status/shutdown").get(0);
        assertThat(call.param("timeout")).contains("30");
        assertThat(call.param("forceStop")).contains("1");
        assertThat(done.value().running()).isFalse();
        assertThatThrownBy(() -> dev.ops.pve.guest.ShutdownRequest.builder().timeout(java.time.Duration.ofMillis(1500)).build())
                .isInstanceOf(dev.ops.core.error.ValidationException.class).hasMessageContaining("timeout");
    }

    @Test
    void aRestoreOfABackupThatIsNotOnTheStorageFailsAtPlanWithNotFound() {
        assertThatThrownBy(() -> changes.restore(client.node("pve1"), dev.ops.pve.guest.GuestType.QEMU,
                r -> r.archive("local:backup/vzdump-qemu-999.vma.zst").vmid(131)).plan())
                .isInstanceOf(dev.ops.core.error.NotFoundException.class)
                .hasMessageContaining("local:backup/vzdump-qemu-999.vma.zst").hasMessageContaining("pve1");
        assertThat(pve.hasGuest(131)).isFalse();
    }

    @Test
    void aConfigPlanShowsEachKeyOldToNewAndRemovedKeysLikeADiff() {
        seedVm(101, "web", vm -> vm.set("onboot", "1"));

        Plan plan = changes.updateConfig(vm(101), u -> u.cores(4).description("db").remove("onboot").set("cipassword", "s3cret-pw")).plan();

        assertThat(plan.notes()).contains("cores: 1 -> 4", "description: (absent) -> db", "onboot: 1 -> (removed)", "cipassword: (absent) -> ***");
        assertThat(plan.render()).doesNotContain("s3cret-pw");
    }

    @Test
    void anAsyncConfigUpdateIsPostedAsATaskAndAwaitedAndItsRollbackToo() {
        seedVm(101, "web");

        Applied<GuestConfig> done = changes.updateConfig(vm(101), u -> u.cores(4).async(true)).apply();

        assertThat(Fakes.calls(pve, "POST", "/qemu/101/config")).hasSize(1);
        assertThat(Fakes.calls(pve, "PUT", "/qemu/101/config")).isEmpty();
        assertThat(done.value().values()).containsEntry("cores", "4");
        done.rollback();
        assertThat(vm(101).config().values()).containsEntry("cores", "1");
    }

    @Test
    void configUpdateSendsOnlyWhatDiffersGuardedByTheDigest() {
        seedVm(101, "web");
        String digest = vm(101).config().digest();
        changes.updateConfig(vm(101), u -> u.memoryMb(2048).cores(4)).apply();
        var put = Fakes.calls(pve, "PUT", "/config").get(0);
        assertThat(put.params()).containsKey("cores").doesNotContainKey("memory");
        assertThat(put.param("digest")).contains(digest);
    }

    @Test
    void configUpdateRollbackRestoresValuesAndDeletesKeysThatWereAbsent() {
        seedVm(101, "web", vm -> vm.set("serial0", "socket"));
        var before = state(101).config();
        Applied<GuestConfig> done = changes.updateConfig(vm(101), u -> u.cores(4).onBoot(true).remove("serial0")).apply();
        assertThat(done.value().cores()).hasValue(4);
        assertThat(state(101).config()).containsEntry("onboot", "1").doesNotContainKey("serial0");
        done.rollback();
        assertThat(state(101).config()).isEqualTo(before);
        var undo = Fakes.calls(pve, "PUT", "/config").get(1);
        assertThat(undo.param("delete")).contains("onboot");
        assertThat(undo.param("cores")).contains("1");
        assertThat(undo.param("serial0")).contains("socket");
    }

    @Test
    void aConfigAlreadyInPlacePlansNothing() {
        seedVm(101, "web");
        assertThat(changes.updateConfig(vm(101), u -> u.memoryMb(2048)).plan().isEmpty()).isTrue();
    }

    @Test
    void aStaleDigestMakesProxmoxRefuseTheUpdate() {
        seedVm(101, "web");
        assertThatThrownBy(() -> changes.updateConfig(vm(101), u -> u.cores(8).digest("0123456789abcdef0123456789abcdef01234567")).apply())
                .hasMessageContaining("detected modified configuration");
        assertThat(state(101).config()).containsEntry("cores", "1");
    }

    @Test
    void cloneAllocatesAVmidWritesCloudInitAndRollbackDestroysTheClone() {
        seedVm(9000, "tmpl", vm -> vm.template());
        String key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG0 ops@lab";
        var change = changes.clone(vm(9000), c -> c.name("web-1").full(true).targetNode("pve2").targetStorage("local-lvm")
                .cloudInit(CloudInit.builder().user("ops").addSshKeys(key).putIpConfigs(0, "ip=192.168.2.50/24,gw=192.168.2.1")
                        .password(Secret.of("ci-pass-9876")).build()));
        Plan plan = change.plan();
        assertThat(plan.render()).contains("take the next free VMID for clone qemu/9000@pve1 as web-1 (taken at apply)")
                .contains("the next free one from 100").doesNotContain("ci-pass-9876");
        Applied<Guest> done = change.apply();
        assertThat(done.value().vmid()).isEqualTo(100);
        assertThat(done.value().node()).isEqualTo("pve2");
        var cfg = done.value().config();
        assertThat(cfg.name()).contains("web-1");
        assertThat(cfg.sshKeys()).containsExactly(key);
        assertThat(cfg.ipConfig(0)).contains("ip=192.168.2.50/24,gw=192.168.2.1");
        String sent = Fakes.calls(pve, "PUT", "/nodes/pve2/qemu/100/config").get(0).param("sshkeys").orElseThrow();
        assertThat(sent).doesNotContain(" ").isEqualTo(dev.ops.pve.guest.UriComponent.encode(key + "\n"));
        assertThat(URLDecoder.decode(sent, StandardCharsets.UTF_8)).isEqualTo(key + "\n");
        assertThat(Fakes.calls(pve, "POST", "/nodes/pve1/qemu/9000/clone").get(0).param("newid")).contains("100");
        done.rollback();
        assertThat(pve.hasGuest(100)).isFalse();
    }

    @Test
    void theCloneOfAGivenVmidShowsTheExactCallWithSecretsMasked() {
        seedVm(9000, "tmpl", vm -> vm.template());
        Plan plan = changes.clone(vm(9000), c -> c.newId(100).name("web-1").full(true).targetNode("pve2").targetStorage("local-lvm")
                .cloudInit(CloudInit.builder().user("ops").password(Secret.of("ci-pass-9876")).build())).plan();
        assertThat(plan.render()).contains("POST /nodes/pve1/qemu/9000/clone newid=100 name=web-1 target=pve2 storage=local-lvm full=1")
                .contains("cipassword=***").doesNotContain("ci-pass-9876");
    }

    @Test
    void cloneToAnExistingVmidOfAnotherNameIsAConflict() {
        seedVm(9000, "tmpl");
        seedVm(150, "other");
        assertThatThrownBy(() -> changes.clone(vm(9000), c -> c.newId(150).name("web-1")).plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("150").hasMessageContaining("other");
    }

    @Test
    void cloneIsIdempotentWhenTheCloneExists() {
        seedVm(9000, "tmpl");
        seedVm(150, "web-1");
        assertThat(changes.clone(vm(9000), c -> c.newId(150).name("web-1")).plan().isEmpty()).isTrue();
    }

    @Test
    void aFailedCloneTaskFailsTheApplyWithItsExitStatusAndLog() {
        seedVm(9000, "tmpl");
        pve.failNextTask("clone failed: out of space");
        assertThatThrownBy(() -> changes.clone(vm(9000), c -> c.newId(150).name("web-1")).apply())
                .isInstanceOf(dev.ops.proxmox.error.ProxmoxTaskFailedException.class)
                .hasMessageContaining("clone failed: out of space").hasMessageContaining("TASK ERROR");
    }

    @Test
    void aFailingLaterStepRollsBackTheCloneBeforeIt() {
        seedVm(9000, "tmpl");
        pve.answerNext("PUT", "/nodes/pve1/qemu/150/config", PveAnswer.invalid(java.util.Map.of("ipconfig0", "invalid format")));
        assertThatThrownBy(() -> changes.clone(vm(9000), c -> c.newId(150).name("web-1")
                .cloudInit(CloudInit.builder().putIpConfigs(0, "ip=dhcp").build())).apply())
                .isInstanceOf(dev.ops.proxmox.error.ProxmoxInvalidParameterException.class).hasMessageContaining("ipconfig0");
        assertThat(pve.hasGuest(150)).isFalse();
    }

    @Test
    void createVmThenRollbackDestroysIt() {
        Applied<Guest> done = changes.createVm(client.node("pve1"), dev.ops.pve.guest.CreateVmRequest.builder().vmid(120).name("db-1")
                .memoryMb(4096).putOptions("scsi0", "local-lvm:32").putOptions("net0", "virtio,bridge=vmbr0").build()).apply();
        assertThat(done.value().config().memoryMb()).hasValue(4096);
        changes.start(done.value()).apply();
        done.rollback();
        assertThat(pve.hasGuest(120)).isFalse();
        assertThat(Fakes.calls(pve, "POST", "/nodes/pve1/qemu/120/status/stop")).hasSize(1);
    }

    @Test
    void createContainerSendsOnlyWhatIsSet() {
        changes.createContainer(client.node("pve1"), dev.ops.pve.guest.CreateContainerRequest.builder().vmid(200)
                .osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst").hostname("ct-1").unprivileged(true).build()).apply();
        var post = Fakes.calls(pve, "POST", "/nodes/pve1/lxc").get(0);
        assertThat(post.params().keySet()).as("the path's node, and what was set")
                .containsExactlyInAnyOrder("node", "vmid", "ostemplate", "hostname", "unprivileged");
        assertThat(post.param("unprivileged")).contains("1");
    }

    @Test
    void snapshotThenRollbackDeletesIt() {
        seedVm(101, "web", vm -> vm.running());
        var done = changes.snapshot(vm(101), r -> r.name("before_upgrade").description("pre-upgrade").vmstate(true)).apply();
        assertThat(done.value().name()).isEqualTo("before_upgrade");
        assertThat(Fakes.calls(pve, "POST", "/snapshot").get(0).param("vmstate")).contains("1");
        done.rollback();
        assertThat(state(101).snapshots()).isEmpty();
    }

    @Test
    void snapshotRollbackAndDeleteCannotBeUndoneAndSaySo() {
        seedVm(101, "web");
        changes.snapshot(vm(101), s -> s.name("s1")).apply();
        Plan plan = changes.rollbackToSnapshot(vm(101), "s1").plan();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("cannot be undone"));
        changes.deleteSnapshot(vm(101), "s1").apply();
        assertThat(state(101).snapshots()).isEmpty();
        assertThat(changes.deleteSnapshot(vm(101), "s1").plan().isEmpty()).isTrue();
    }

    @Test
    void deleteStopsARunningGuestFirst() {
        seedVm(101, "web", vm -> vm.running());
        assertThat(changes.delete(vm(101)).apply().value()).isTrue();
        assertThat(pve.hasGuest(101)).isFalse();
        assertThat(changes.delete(vm(101)).plan().isEmpty()).isTrue();
    }

    @Test
    void migrateThenRollbackMigratesBack() {
        seedVm(101, "web", vm -> vm.running());
        var done = changes.migrate(vm(101), dev.ops.pve.guest.MigrateRequest.builder().targetNode("pve2").online(true).build()).apply();
        assertThat(state(101).node()).isEqualTo("pve2");
        assertThat(Fakes.calls(pve, "POST", "/migrate").get(0).param("online")).contains("1");
        done.rollback();
        assertThat(state(101).node()).isEqualTo("pve1");
    }

    @Test
    void convertToTemplateIsIrreversibleAndIdempotent() {
        seedVm(101, "web");
        changes.convertToTemplate(vm(101)).apply();
        assertThat(state(101).config()).containsEntry("template", "1");
        assertThat(changes.convertToTemplate(vm(101)).plan().isEmpty()).isTrue();
    }

    @Test
    void aTemplateConversionThatPve6AnswersSynchronouslyWithNullSucceeds() {
        seedVm(101, "web");
        pve.answerNext("POST", "/nodes/pve1/qemu/101/template", PveAnswer.data(null));   // PVE 6: done, data null

        Applied<?> done = changes.convertToTemplate(vm(101)).apply();

        assertThat(done.changed()).isTrue();
        assertThat(Fakes.calls(pve, "GET", "/tasks/")).isEmpty();
    }

    @Test
    void haAddThenRollbackRemovesIt() {
        seedVm(101, "web");
        var done = changes.haAdd(vm(101), r -> r.state("started")).apply();
        assertThat(done.value().sid()).isEqualTo("vm:101");
        assertThat(pve.haResources()).containsKey("vm:101");
        done.rollback();
        assertThat(pve.haResources()).isEmpty();
    }

    @Test
    void haRemoveThenRollbackRestoresTheResourceAsItWas() {
        seedVm(101, "web");
        client.api().post("/cluster/ha/resources", java.util.Map.of("sid", "vm:101", "state", "started", "comment", "db",
                "max_restart", 3, "max_relocate", 2, "failback", 0));
        var done = changes.haRemove(vm(101)).apply();
        assertThat(pve.haResources()).isEmpty();
        done.rollback();
        assertThat(pve.haResources().get("vm:101")).containsEntry("state", "started").containsEntry("comment", "db")
                .containsEntry("max_restart", "3").containsEntry("max_relocate", "2").containsEntry("failback", "0");
    }

    @Test
    void restoreThenRollbackDestroysTheRestoredGuest() {
        var done = changes.restore(client.node("pve1"), dev.ops.pve.guest.GuestType.QEMU, dev.ops.pve.backup.RestoreRequest.builder()
                .archive("local:backup/vzdump-qemu-101.vma.zst").vmid(130).storage("local-lvm").build()).apply();
        assertThat(pve.hasGuest(130)).isTrue();
        done.rollback();
        assertThat(pve.hasGuest(130)).isFalse();
    }

    @Test
    void downloadUrlThenRollbackDeletesTheVolume() {
        var storage = client.node("pve1").storage("local");
        var done = changes.downloadUrl(storage, dev.ops.pve.storage.DownloadUrlRequest.builder().url("https://example.org/alpine.iso")
                .fileName("alpine.iso").content("iso").checksum("ab".repeat(32)).checksumAlgorithm("sha256").build()).apply();
        assertThat(done.value().volid()).isEqualTo("local:iso/alpine.iso");
        done.rollback();
        assertThat(pve.volumes("pve1", "local")).doesNotContain("local:iso/alpine.iso");
    }
}
