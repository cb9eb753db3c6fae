package dev.ops.pve;

import dev.ops.proxmox.ProxmoxListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.ops.proxmox.error.ProxmoxNotFoundException;
import dev.ops.proxmox.task.ProxmoxTask;
import dev.ops.proxmox.task.TaskOutcome;
import dev.ops.proxmox.task.TaskStatus;
import dev.ops.proxmox.task.Upid;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PveListenerTest {
    private final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    private final ProxmoxListener recorder = new ProxmoxListener() {
        @Override
        public void callEnded(String method, String pathTemplate, int status, Duration took) {
            heard.add(method + " " + pathTemplate + " " + status + (took.isNegative() ? " negative" : ""));
        }

        @Override
        public void taskStarted(Upid upid) {
            heard.add("task started " + upid.type());
        }

        @Override
        public void taskPolled(Upid upid, TaskStatus status, int polls) {
            heard.add("polled " + polls + (status.running() ? " running" : " stopped"));
        }

        @Override
        public void taskEnded(TaskOutcome outcome) {
            heard.add("task ended " + outcome.state() + " after " + outcome.polls() + " polls");
        }
    };
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1").start();
    private final PveClient client = Fakes.clientBuilder(pve).listener(recorder).build();

    @AfterEach
    void stop() {
        client.close();
        pve.close();
    }

    @Test
    void eachCallIsToldWithItsPathTemplateAndStatus() {
        client.api().get("/nodes/{node}/qemu/{vmid}/status/current", Map.of("node", "pve1", "vmid", 101));

        assertThat(heard).containsExactly("GET /nodes/{node}/qemu/{vmid}/status/current 200");
    }

    @Test
    void aRefusedCallIsToldWithTheStatusTheServerAnswered() {
        assertThatThrownBy(() -> client.api().get("/nodes/{node}/qemu/{vmid}/status/current", Map.of("node", "pve1", "vmid", 999)))
                .isInstanceOf(ProxmoxNotFoundException.class);

        assertThat(heard).isNotEmpty().allSatisfy(h -> assertThat(h).matches("GET /nodes/\\{node}/qemu/\\{vmid}/status/current [45]\\d\\d"));
    }

    @Test
    void aTaskIsToldStartedThenEachPollThenItsOutcomeInThatOrder() {
        pve.taskReads(2); // running for two status reads, ended at the third
        ProxmoxTask task = client.api().task("POST", "/nodes/{node}/qemu/{vmid}/status/start", Map.of("node", "pve1", "vmid", 101));
        task.await(Duration.ofSeconds(10));

        assertThat(heard).containsExactly("POST /nodes/{node}/qemu/{vmid}/status/start 200", "task started qmstart",
                "GET /nodes/{node}/tasks/{upid}/status 200", "polled 1 running",
                "GET /nodes/{node}/tasks/{upid}/status 200", "polled 2 running",
                "GET /nodes/{node}/tasks/{upid}/status 200", "polled 3 stopped",
                "task ended OK after 3 polls");
    }

    @Test
    void aListenerThatThrowsChangesNothingAboutTheCall() {
        PveClient throwing = client.newBuilder().listener(new ProxmoxListener() {
            @Override
            public void callEnded(String method, String pathTemplate, int status, Duration took) {
                throw new IllegalStateException("listener bug");
            }
        }).build();
        try (throwing) {
            assertThat(throwing.api().get("/version", Map.of()).get("release")).isPresent();
            assertThat(throwing.listeners()).hasSize(2);
        }
    }
}
