package dev.ops.pve.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.proxmox.ListAnswer;
import dev.ops.pve.PveClient;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The task list pages ({@code start}, {@code limit}) with the {@code total} the server sends, and filters as the API does. */
@Timeout(20)
class TaskListTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1").vm(102, "pve1").vm(103, "pve1").start();
    private final PveClient client = Fakes.client(pve);

    @AfterEach
    void stop() {
        pve.close();
    }

    private void startAll() {
        for (int vmid : new int[] {101, 102, 103}) {
            client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", vmid)).awaitSuccess();
        }
    }

    @Test
    void aPageCarriesTheTotalToPageThrough() {
        startAll();
        Node node = client.node("pve1");

        ListAnswer<TaskSummary> first = node.taskList(q -> q.limit(2));
        ListAnswer<TaskSummary> second = node.taskList(q -> q.limit(2).start(2));

        assertThat(first.total()).hasValue(3);
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(Fakes.calls(pve, "GET", "/nodes/pve1/tasks").get(1).param("start")).contains("2");
    }

    @Test
    void filtersByGuestTimeTypeAndStatus() {
        startAll();
        Node node = client.node("pve1");

        assertThat(node.tasks(q -> q.vmid(102))).hasSize(1);
        assertThat(node.tasks(q -> q.typefilter("qmstart"))).hasSize(3);
        assertThat(node.tasks(q -> q.statusfilter("ok"))).hasSize(3);
        assertThat(node.tasks(q -> q.statusfilter("error"))).isEmpty();
        assertThat(node.tasks(q -> q.since(Instant.now().plusSeconds(3600)))).isEmpty();
        assertThat(node.tasks(q -> q.errors(true))).isEmpty();
    }

    @Test
    void aQueryOutsideTheApisRangesIsRefusedNamingTheField() {
        assertThatThrownBy(() -> TaskQuery.builder().start(-1).source("old").build()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("start").hasMessageContaining("source");
    }
}
