package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveAnswer;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HeavyTaskLimitTest {
    private static final String TASK_STATUS = "/nodes/{node}/tasks/{upid}/status";
    private final PveFakeServer pve = Fakes.cluster().vm(9000, "pve1", vm -> vm.name("tmpl")).vm(9001, "pve2", vm -> vm.name("tmpl2")).start();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void aSecondHeavyTaskOnANodeWaitsUntilTheFirstEnds() {
        PveClient client = Fakes.clientBuilder(pve).timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.taskReads(3);
        ProxmoxTask first = RawCalls.clone(client, "pve1", 9000, 150);
        pve.taskReads(0);
        ProxmoxTask second = RawCalls.clone(client, "pve1", 9000, 151);
        // The second clone was only sent once the first task was seen stopped.
        var requests = pve.requests();
        var statusPolls = requests.stream().filter(r -> r.template().equals(TASK_STATUS) && r.path().contains(first.upid().value())).toList();
        assertThat(statusPolls).hasSize(4);
        int firstStopped = Fakes.position(requests, statusPolls.get(3));
        int secondClone = Fakes.position(requests, Fakes.calls(pve, "POST", "/clone").get(1));
        assertThat(secondClone).isGreaterThan(firstStopped);
        assertThat(second.upid().type()).isEqualTo("qmclone");
    }

    @Test
    void anotherNodeIsNotHeldUp() {
        PveClient client = Fakes.clientBuilder(pve).timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.taskReads(1000);
        RawCalls.clone(client, "pve1", 9000, 150);
        RawCalls.clone(client, "pve2", 9001, 151);
        assertThat(Fakes.callsTo(pve, "GET", TASK_STATUS)).isEmpty();
    }

    @Test
    void aFailedStartFreesTheSlotAtOnce() {
        PveClient client = Fakes.clientBuilder(pve).timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.answerNext("POST", "/nodes/pve1/qemu/9000/clone", PveAnswer.error(403, "Permission check failed (/vms/150, VM.Allocate)"));
        assertThatThrownBy(() -> RawCalls.clone(client, "pve1", 9000, 150))
                .isInstanceOf(dev.ops.proxmox.error.ProxmoxPermissionException.class);
        assertThat(RawCalls.clone(client, "pve1", 9000, 151).upid().type()).isEqualTo("qmclone");
    }

    @Test
    void aMissingPathParameterIsAValidationError() {
        PveClient client = Fakes.client(pve);
        assertThatThrownBy(() -> client.api().get("/nodes/{node}/status", Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("node");
        assertThat(pve.requests()).isEmpty();
    }
}
