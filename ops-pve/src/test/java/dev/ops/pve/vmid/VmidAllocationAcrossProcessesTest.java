package dev.ops.pve.vmid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.store.FileStateStore;
import dev.ops.core.testing.JavaProcess;
import dev.ops.pve.PveClient;
import dev.ops.pve.vmid.internal.VmidReservations;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs that share a file state store never get the same VMID, though the cluster offers them all the same one. */
@Timeout(120)
class VmidAllocationAcrossProcessesTest {
    private static final int PROCESSES = 3;
    private static final int EACH = 15;

    @Test
    void threeJvmsAllocatingAtOnceGetDistinctIds(@TempDir Path dir) throws Exception {
        try (PveFakeServer pve = Fakes.cluster().start()) {
            String url = pve.baseUri().toString();
            List<Process> children = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                children.add(JavaProcess.start(Child.class, url, dir.resolve("store").toString(),
                        dir.resolve("ids-" + i).toString(), Integer.toString(EACH), pve.fingerprint()));
            }
            for (Process p : children) {
                assertThat(JavaProcess.await(p)).isZero();
            }
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < PROCESSES; i++) {
                for (String id : Files.readAllLines(dir.resolve("ids-" + i))) {
                    assertThat(ids.add(id)).as("VMID %s handed out twice", id).isTrue();
                }
            }
            assertThat(ids).hasSize(PROCESSES * EACH);
        }
    }

    /** A second process: allocates N VMIDs through the shared store and writes them down. */
    public static final class Child {
        private Child() {}

        /** Arguments: base URL, store directory, output file, count, the server certificate's fingerprint. */
        public static void main(String[] args) throws Exception {
            PveClient client = PveClient.builder().baseUrl(args[0]).name("lab").pinnedCertificate(args[4])
                    .apiToken(Fakes.TOKEN_USER, Fakes.TOKEN_ID, dev.ops.core.secret.Secret.of(Fakes.TOKEN_SECRET)).build();
            List<String> ids = new ArrayList<>();
            try (FileStateStore store = FileStateStore.open(Path.of(args[1]))) {
                VmidReservations allocator = new VmidReservations(client, store, Duration.ofHours(1));
                for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                    ids.add(Integer.toString(allocator.allocate().vmid()));
                }
            }
            Files.write(Path.of(args[2]), ids);
            client.close();
        }
    }
}
