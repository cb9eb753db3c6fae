package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.testing.JavaProcess;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import dev.ops.testkit.pve.RecordedCall;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs sharing a file state store and one heavy-task slot per node clone one after the other. */
@Timeout(120)
class SharedHeavySlotsAcrossProcessesTest {

    @Test
    void theSecondProcessClonesOnlyOnceTheFirstCloneHasEnded(@TempDir Path dir) throws Exception {
        try (PveFakeServer pve = Fakes.cluster().vm(9000, "pve1", vm -> vm.name("tmpl")).taskReads(30).start()) {
            String url = pve.baseUri().toString();
            Process first = JavaProcess.start(Child.class, url, dir.toString(), "150", pve.fingerprint());
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (Fakes.calls(pve, "POST", "/clone").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            // The first clone runs (30 status polls, seconds at the children's poll policy) when the second process starts.
            Process second = JavaProcess.start(Child.class, url, dir.toString(), "151", pve.fingerprint());
            assertThat(JavaProcess.await(first)).isZero();
            assertThat(JavaProcess.await(second)).isZero();

            List<RecordedCall> requests = pve.requests();
            List<RecordedCall> clones = Fakes.calls(pve, "POST", "/clone");
            assertThat(clones).hasSize(2);
            String firstUpid = requests.stream().filter(r -> r.template().equals("/nodes/{node}/tasks/{upid}/status")
                    && r.path().contains(":qmclone:")).findFirst().orElseThrow().path();
            List<RecordedCall> firstTaskPolls = requests.stream().filter(r -> r.path().equals(firstUpid)).toList();
            assertThat(firstTaskPolls).as("polled until seen stopped").hasSizeGreaterThan(30);
            int firstSeenStopped = Fakes.position(requests, firstTaskPolls.get(30));
            assertThat(Fakes.position(requests, clones.get(1))).isGreaterThan(firstSeenStopped);
        }
    }

    /** A process that clones VM 9000 to the given VMID under a one-slot limit shared through the store, and awaits it. */
    public static final class Child {
        private Child() {}

        /** Arguments: base URL, store directory, new VMID, the server certificate's fingerprint. */
        public static void main(String[] args) throws Exception {
            try (FileStateStore store = FileStateStore.open(Path.of(args[1]));
                    PveClient client = PveClient.builder().baseUrl(args[0]).name("lab").pinnedCertificate(args[3])
                            .apiToken(Fakes.TOKEN_USER, Fakes.TOKEN_ID, Secret.of(Fakes.TOKEN_SECRET))
                            .maxHeavyTasksPerNode(1).sharedHeavyTaskSlots(store)
                            .pollPolicy(new dev.ops.proxmox.task.PollPolicy(Duration.ofMillis(20), 1.5, Duration.ofMillis(100), 0)).build()) {
                RawCalls.clone(client, "pve1", 9000, Integer.parseInt(args[2])).awaitSuccess(Duration.ofMinutes(1));
            }
        }
    }
}
