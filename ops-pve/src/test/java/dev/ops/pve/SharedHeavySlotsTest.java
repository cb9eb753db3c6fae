package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Clients that share a state store share the per-node heavy-task limit, as separate processes would. */
@Timeout(20)
class SharedHeavySlotsTest {
    private final PveFakeServer pve = Fakes.cluster().vm(9000, "pve1", vm -> vm.name("tmpl")).vm(9001, "pve1", vm -> vm.name("tmpl2")).start();
    private static final String TASK_STATUS = "/nodes/{node}/tasks/{upid}/status";
    private final FakeTime time = new FakeTime();
    private final StateStore store = new InMemoryStateStore();

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private PveClient client(StateStore shared) {
        return Fakes.clientBuilder(pve).timeSource(time).maxHeavyTasksPerNode(1).sharedHeavyTaskSlots(shared).build();
    }

    @Test
    void anotherClientWaitsForATaskItDidNotStartAndNobodyAwaits() {
        PveClient first = client(store);
        PveClient second = client(store);
        pve.taskReads(3);
        ProxmoxTask running = RawCalls.clone(first, "pve1", 9000, 150);
        pve.taskReads(0);

        ProxmoxTask next = RawCalls.clone(second, "pve1", 9000, 151);

        var requests = pve.requests();
        var polls = requests.stream().filter(r -> r.template().equals(TASK_STATUS) && r.path().contains(running.upid().value())).toList();
        assertThat(polls).hasSize(4);
        int stoppedSeen = Fakes.position(requests, polls.get(3));
        int secondClone = Fakes.position(requests, Fakes.calls(pve, "POST", "/clone").get(1));
        assertThat(secondClone).isGreaterThan(stoppedSeen);
        assertThat(next.upid().type()).isEqualTo("qmclone");
    }

    @Test
    void theSlotRecordsTheTaskWhileItRunsAndIsFreedWhenItIsSeenToEnd() {
        PveClient client = client(store);
        pve.taskReads(2);
        ProxmoxTask task = RawCalls.clone(client, "pve1", 9000, 150);

        var slots = store.list("pve/");
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).key()).endsWith("/heavy/pve1/0");
        assertThat(slots.get(0).value().text()).contains(task.upid().value());

        task.await(java.time.Duration.ofMinutes(1));
        assertThat(store.list("pve/")).isEmpty();
    }

    @Test
    void aSlotWhoseTakerDiedBeforeStartingItsTaskIsTakenOverAfterTheGrace() {
        PveClient client = client(store);
        String key = "pve/" + client.name().replaceAll("[^A-Za-z0-9._:@\\-]", "_") + "/heavy/pve1/0";
        long longAgo = System.currentTimeMillis() - java.time.Duration.ofMinutes(2).toMillis() - 1_000;
        store.put(key, ("{\"token\":\"dead\",\"owner\":\"1@gone\",\"at\":" + longAgo + "}").getBytes());

        ProxmoxTask task = RawCalls.clone(client, "pve1", 9000, 150);

        assertThat(task.upid().type()).isEqualTo("qmclone");
        assertThat(store.get(key).orElseThrow().text()).contains(task.upid().value()).doesNotContain("dead");
    }

    @Test
    void clientsWithSeparateStoresDoNotShare() {
        PveClient first = client(store);
        PveClient second = client(new InMemoryStateStore());
        pve.taskReads(1000);
        RawCalls.clone(first, "pve1", 9000, 150);
        RawCalls.clone(second, "pve1", 9001, 151); // another template: 9000 is locked by its clone
        assertThat(Fakes.callsTo(pve, "GET", TASK_STATUS)).isEmpty();
    }
}
