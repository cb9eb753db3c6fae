package dev.ops.pve.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.change.Changes;
import dev.ops.core.change.Plan;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.store.StateStore;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.guest.GuestStatus;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** plan() changes nothing, anywhere; what a plan refers to must exist; a VMID is taken at apply and released by rollback. */
@Timeout(30)
class PlansYouCanTrustTest {
    private final PveFakeServer pve = Fakes.cluster().volume("pve1", "local:backup/vzdump-qemu-101.vma.zst", 1 << 20)
            .volume("pve1", "local:vztmpl/d.tar.zst", 1 << 20).start();
    private final PveClient client = Fakes.client(pve);
    private final Ops ops = Ops.inMemory();
    private final PveChanges guests = client.guests(ops);

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private Guest vm(int vmid) {
        return client.node("pve1").qemu().vm(vmid);
    }

    private static Map<String, String> contents(StateStore store) {
        Map<String, String> all = new TreeMap<>();
        store.list("").forEach(e -> all.put(e.key(), e.value().version() + ":" + new String(e.value().value())));
        return all;
    }

    @Test
    void planningACloneWithoutAVmidLeavesTheStoreAndTheClusterAsTheyWere() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl").template()));
        var storeBefore = contents(ops.store());
        Plan plan = guests.clone(vm(9000), c -> c.name("web-01")).plan();
        assertThat(contents(ops.store())).isEqualTo(storeBefore);
        assertThat(pve.hasGuest(100)).isFalse();
        assertThat(pve.requests().stream().filter(r -> !r.method().equals("GET"))).isEmpty();
        assertThat(client.vmids(ops).isReserved(100)).isFalse();
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).description()).contains("take the next free VMID").contains("taken at apply");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("next free one from 100"))
                .anySatisfy(n -> assertThat(n).contains("then, at apply: clone qemu/9000@pve1 to the VMID taken"));
    }

    @Test
    void everyChangeOfTheFacadePlansWithReadsOnly(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web").running()).vm(9000, "pve1", vm -> vm.name("tmpl"))
                .container(200, "pve1", ct -> ct.name("ct")).vm(102, "pve1", vm -> vm.name("paused").running()));
        client.api().post("/nodes/{node}/qemu/{vmid}/snapshot", Map.of("node", "pve1", "vmid", 101, "snapname", "s1"));
        client.api().post("/nodes/{node}/qemu/{vmid}/status/suspend", Map.of("node", "pve1", "vmid", 102));
        client.api().post("/cluster/ha/resources", Map.of("sid", "vm:101", "state", "started"));
        guests.createPool(p -> p.poolid("lab")).apply();
        int seen = pve.requests().size();
        var storeBefore = contents(ops.store());
        var node = client.node("pve1");
        var local = node.storage("local");
        java.nio.file.Path iso = java.nio.file.Files.writeString(dir.resolve("x.iso"), "x");
        List<Change<?>> all = List.of(guests.start(vm(9000)), guests.stop(vm(101)), guests.shutdown(vm(101)), guests.reboot(vm(101)),
                guests.suspend(vm(101)), guests.resume(vm(102)), guests.updateConfig(vm(101), u -> u.cores(8)),
                guests.clone(vm(9000), c -> c.name("web-02")), guests.clone(vm(9000), c -> c.newId(150)),
                guests.createVm(node, r -> r.name("db-01")), guests.createContainer(node, r -> r.osTemplate("local:vztmpl/d.tar.zst")),
                guests.delete(vm(101)), guests.convertToTemplate(vm(101)), guests.migrate(vm(101), m -> m.targetNode("pve2")),
                guests.snapshot(vm(101), s -> s.name("s2")), guests.rollbackToSnapshot(vm(101), "s1"), guests.deleteSnapshot(vm(101), "s1"),
                guests.backup(vm(101), b -> b.storage("local")),
                guests.restore(node, dev.ops.pve.guest.GuestType.QEMU, r -> r.archive("local:backup/vzdump-qemu-101.vma.zst").vmid(130)),
                guests.haAdd(client.node("pve1").lxc().container(200), h -> h.state("started")), guests.haRemove(vm(101)),
                guests.createPool(p -> p.poolid("lab2")), guests.addToPool("lab", List.of(vm(101))), guests.deletePool("lab"),
                guests.downloadUrl(local, d -> d.url("https://example.org/a.iso").fileName("a.iso").content("iso")),
                guests.upload(local, u -> u.content("iso").file(iso)));
        for (Change<?> c : all) {
            assertThat(c.plan().isEmpty()).as(c.description()).isFalse();
        }
        var requests = pve.requests();
        assertThat(requests.subList(seen, requests.size())).allSatisfy(r -> assertThat(r.method()).as(r.path()).isEqualTo("GET"));
        assertThat(contents(ops.store())).isEqualTo(storeBefore);
    }

    @Test
    void theVmidIsTakenAtApplyAndRollbackReleasesIt() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl")));
        Applied<Guest> done = guests.clone(vm(9000), c -> c.name("web-01")).apply();
        assertThat(done.value().vmid()).isEqualTo(100);
        assertThat(client.vmids(ops).isReserved(100)).isTrue();
        assertThat(done.plan().steps()).extracting(s -> s.description()).anySatisfy(d -> assertThat(d).contains("take the next free VMID"));
        done.rollback();
        assertThat(pve.hasGuest(100)).isFalse();
        assertThat(client.vmids(ops).isReserved(100)).isFalse();
    }

    @Test
    void twoClonesWithoutVmidsTakeTwoIds() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl")));
        assertThat(guests.clone(vm(9000), c -> c.name("web-01")).apply().value().vmid()).isEqualTo(100);
        assertThat(guests.clone(vm(9000), c -> c.name("web-02")).apply().value().vmid()).isEqualTo(101);
    }

    @Test
    void theReviewedPlanOfACloneWithoutAVmidCanBeApplied() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl")));
        Change<Guest> clone = guests.clone(vm(9000), c -> c.name("web-01"));
        Plan reviewed = clone.plan();
        assertThat(clone.apply(reviewed).value().config().name()).contains("web-01");
    }

    @Test
    void aCloneOfAMissingTemplateFailsAtPlan() {
        assertThatThrownBy(() -> guests.clone(vm(9999), c -> c.name("web-01")).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("9999");
        assertThatThrownBy(() -> guests.clone(vm(9999), c -> c.newId(150).name("web-01")).plan()).isInstanceOf(NotFoundException.class);
        assertThat(contents(ops.store())).isEmpty();
    }

    @Test
    void aCloneFromAMissingSnapshotFailsAtPlan() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl")));
        assertThatThrownBy(() -> guests.clone(vm(9000), c -> c.newId(150).snapshot("nope")).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("snapshot nope");
    }

    @Test
    void cloneThenStartIsOneChangeWithOneRollback() {
        pve.seed(b -> b.vm(9000, "pve1", vm -> vm.name("tmpl")));
        Change<GuestStatus> cloneAndStart = Changes.then(guests.clone(vm(9000), c -> c.name("web-01")), guests::start);
        assertThat(cloneAndStart.plan().notes()).anySatisfy(n -> assertThat(n).contains("planned at apply"));
        Applied<GuestStatus> done = cloneAndStart.apply();
        assertThat(done.value().running()).isTrue();
        assertThat(pve.guest(100).orElseThrow().running()).isTrue();
        done.rollback();
        assertThat(pve.hasGuest(100)).isFalse();
        assertThat(client.vmids(ops).isReserved(100)).isFalse();
    }

    @Test
    void aSequenceOfChangesOnExistingGuestsRollsBackTogether() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web")).vm(102, "pve1", vm -> vm.name("db").set("cores", "1")));
        Applied<List<Object>> done = Changes.sequence(guests.start(vm(101)), guests.updateConfig(vm(102), u -> u.cores(4)),
                guests.snapshot(vm(102), s -> s.name("before"))).apply();
        assertThat(pve.guest(101).orElseThrow().running()).isTrue();
        assertThat(pve.guest(102).orElseThrow().snapshots()).contains("before");
        done.rollback();
        assertThat(pve.guest(101).orElseThrow().running()).isFalse();
        assertThat(pve.guest(102).orElseThrow().config()).containsEntry("cores", "1");
        assertThat(pve.guest(102).orElseThrow().snapshots()).doesNotContain("before");
    }

    @Test
    void aRollbackToAMissingSnapshotFailsAtPlan() {
        pve.seed(b -> b.vm(101, "pve1", vm -> vm.name("web")));
        assertThatThrownBy(() -> guests.rollbackToSnapshot(vm(101), "nope").plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("snapshot nope");
    }

    @Test
    void anHaResourceForAMissingGuestFailsAtPlan() {
        assertThatThrownBy(() -> guests.haAdd(vm(404), h -> h.state("started")).plan()).isInstanceOf(NotFoundException.class);
        assertThat(pve.haResources()).isEmpty();
    }

    @Test
    void aPoolMemberThatDoesNotExistFailsAtPlan() {
        guests.createPool(p -> p.poolid("lab")).apply();
        assertThatThrownBy(() -> guests.addToPool("lab", List.of(vm(404))).plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("qemu/404@pve1");
    }

    @Test
    void aSnapshotOrBackupOfAMissingGuestFailsAtPlan() {
        assertThatThrownBy(() -> guests.snapshot(vm(404), s -> s.name("s1")).plan()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> guests.backup(vm(404), b -> b.storage("local")).plan()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> guests.start(vm(404)).plan()).isInstanceOf(NotFoundException.class);
    }
}
