package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.pve.task.PveTask;
import dev.ops.pve.testing.FakeTime;
import dev.ops.pve.testing.MiniPve;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HeavyTaskLimitTest {
    private final MiniPve pve = MiniPve.start();
    private final FakeTime time = new FakeTime();

    @AfterEach
    void stop() {
        assertThat(pve.schemaProblems()).isEmpty();
        pve.close();
    }

    @Test
    void aSecondHeavyTaskOnANodeWaitsUntilTheFirstEnds() {
        PveClient client = pve.clientBuilder().timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        pve.taskRunningPolls = 3;
        PveTask first = RawCalls.clone(client, "pve1", 9000, 150);
        pve.taskRunningPolls = 0;
        PveTask second = RawCalls.clone(client, "pve1", 9000, 151);
        // The second clone was only sent once the first task was seen stopped.
        var statusPolls = pve.requests("GET", "/status").stream().filter(r -> r.path().contains(first.upid().value())).count();
        assertThat(statusPolls).isEqualTo(4);
        int firstStopped = pve.requests.indexOf(pve.requests("GET", "/status").get(3));
        int secondClone = pve.requests.indexOf(pve.requests("POST", "/clone").get(1));
        assertThat(secondClone).isGreaterThan(firstStopped);
        assertThat(second.upid().type()).isEqualTo("qmclone");
    }

    @Test
    void anotherNodeIsNotHeldUp() {
        PveClient client = pve.clientBuilder().timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        pve.addGuest("pve2", "qemu", 9001, "tmpl2");
        pve.taskRunningPolls = 1000;
        RawCalls.clone(client, "pve1", 9000, 150);
        RawCalls.clone(client, "pve2", 9001, 151);
        assertThat(pve.requests("GET", "/status")).isEmpty();
    }

    @Test
    void aFailedStartFreesTheSlotAtOnce() {
        PveClient client = pve.clientBuilder().timeSource(time).maxHeavyTasksPerNode(1).build();
        pve.addGuest("pve1", "qemu", 9000, "tmpl");
        pve.script("POST", "/nodes/pve1/qemu/9000/clone", MiniPve.error(403, "Permission check failed (/vms/150, VM.Allocate)"));
        assertThatThrownBy(() -> RawCalls.clone(client, "pve1", 9000, 150))
                .isInstanceOf(dev.ops.pve.error.PvePermissionException.class);
        assertThat(RawCalls.clone(client, "pve1", 9000, 151).upid().type()).isEqualTo("qmclone");
    }

    @Test
    void aMissingPathParameterIsAValidationError() {
        PveClient client = pve.client();
        assertThatThrownBy(() -> client.api().get("/nodes/{node}/status", Map.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("node");
        assertThat(pve.requests).isEmpty();
    }
}
