package dev.ops.bench.lab;

import dev.ops.bench.support.Bench;
import dev.ops.core.Ops;
import dev.ops.core.policy.Approver;
import dev.ops.core.secret.Secret;
import dev.ops.core.store.StateStore;
import dev.ops.core.testing.JavaProcess;
import dev.ops.core.testing.PostgresServer;
import dev.ops.core.testing.TestStores;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.lab.Lab;
import dev.ops.lab.catalog.Catalog;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replications at once from several controllers on one PostgreSQL catalog: {@code --jvms} JVMs (default 2), each
 * running {@code --threads} replications at a time (default 4: 8 at once in all), {@code --rounds} each (default 5),
 * every replication copying template 9000 from the primary node to the 3 other nodes of a 4-node fake Proxmox VE
 * cluster (in this JVM, tasks ending at once). Prints replicas per minute (wall time from the common start to the
 * last controller's end) and the duplicates: a VMID, name, address or MAC handed out twice, and catalog records
 * beyond the replicas made (target 0). See docs/benchmarks.md.
 */
public final class ReplicationLoadBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String TOKEN_SECRET = "bench-lab-secret-0001";

    private ReplicationLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        int jvms = 2;
        int threads = 4;
        int rounds = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jvms" -> jvms = AsciiNumbers.parseInt(args[++i]);
                case "--threads" -> threads = AsciiNumbers.parseInt(args[++i]);
                case "--rounds" -> rounds = AsciiNumbers.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = Files.createTempDirectory("ops-lab-load");
        try (PostgresServer pg = PostgresServer.start();
                PveFakeServer pve = PveFakeServer.builder().node("pve1").node("pve2").node("pve3").node("pve4")
                        .token("root@pam", "bench", TOKEN_SECRET).taskDuration(Duration.ZERO)
                        .vm(9000, "pve1", vm -> vm.name("debian-12").set("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0").template())
                        .start()) {
            Path site = LabBenchmark.writeSite(work.resolve("site"), pve);
            String store = TestStores.postgres(pg, "lab_load");
            long startAt = System.currentTimeMillis() + 5_000; // every controller's JVM started and connected by then
            List<Process> controllers = new ArrayList<>();
            for (int j = 0; j < jvms; j++) {
                controllers.add(JavaProcess.start(Controller.class, pve.baseUri().toString(), pve.fingerprint(), store, site.toString(),
                        Integer.toString(threads), Integer.toString(rounds), Long.toString(startAt), work.resolve("out-" + j).toString()));
            }
            for (Process p : controllers) {
                if (JavaProcess.await(p) != 0) {
                    throw new IllegalStateException("a controller failed (its output is above)");
                }
            }
            long end = 0;
            int failures = 0;
            List<String[]> replicas = new ArrayList<>();
            for (int j = 0; j < jvms; j++) {
                for (String line : Files.readAllLines(work.resolve("out-" + j))) {
                    String[] f = line.split(" ");
                    switch (f[0]) {
                        case "end" -> end = Math.max(end, AsciiNumbers.parseLong(f[1]));
                        case "failed" -> failures++;
                        default -> replicas.add(f);
                    }
                }
            }
            int duplicates = 0;
            for (int field = 0; field < 4; field++) {
                Set<String> seen = new HashSet<>();
                for (String[] r : replicas) {
                    if (!seen.add(r[field])) {
                        duplicates++;
                    }
                }
            }
            int records;
            try (StateStore s = TestStores.open(store)) {
                records = Catalog.of(Site.load(site), Ops.builder().store(s).build()).resources().size();
            }
            double seconds = (end - startAt) / 1000.0;
            OUT.println("machine: " + Bench.machine(work));
            OUT.println("load: " + Bench.loadAverage());
            OUT.printf("controllers: %d JVMs x %d replications at once x %d rounds; each replication 1 template to 3 nodes%n",
                    jvms, threads, rounds);
            OUT.printf("replications: %d of %d done, %d failed; replicas: %d in %.1f s%n", replicas.size() / 3, jvms * threads * rounds,
                    failures, replicas.size(), seconds);
            OUT.printf("replicas per minute: %.0f%n", replicas.size() / seconds * 60);
            OUT.printf("duplicates (VMID, name, address or MAC handed out twice): %d%n", duplicates);
            OUT.printf("catalog records: %d for %d replicas (extra: %d)%n", records, replicas.size(), records - replicas.size());
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** One controller JVM: its threads replicate the template round after round; it writes each replica's identity down. */
    public static final class Controller {
        private Controller() {}

        /** Arguments: base URL, fingerprint, store spec, site directory, threads, rounds, start time (epoch ms), output file. */
        public static void main(String[] args) throws Exception {
            // the testkit's plan-purity check would take the other controllers' writes to the store for this plan's
            System.setProperty("ops.testkit.planPurity", "false");
            PveClient client = PveClient.builder().baseUrl(args[0]).name("lab").pinnedCertificate(args[1])
                    .apiToken("root@pam", "bench", Secret.of(TOKEN_SECRET)).build();
            Site site = Site.load(Path.of(args[3]));
            int threads = AsciiNumbers.parseInt(args[4]);
            int rounds = AsciiNumbers.parseInt(args[5]);
            long startAt = AsciiNumbers.parseLong(args[6]);
            List<String> out = Collections.synchronizedList(new ArrayList<>());
            try (StateStore store = TestStores.open(args[2]); ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                Ops ops = Ops.builder().store(store).policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();
                Lab lab = Lab.builder().site(site).client(client).build();
                Thread.sleep(Math.max(0, startAt - System.currentTimeMillis()));
                List<Future<?>> running = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(() -> {
                        for (int r = 0; r < rounds; r++) {
                            try {
                                ReplicationTask task = lab.replication(ops).replicate(q -> q.vmid(9000)).apply().value();
                                task.targets().forEach(x -> out.add(x.vmid() + " " + x.name() + " " + x.address() + " " + x.mac()));
                            } catch (RuntimeException e) {
                                out.add("failed " + e.getClass().getSimpleName());
                                System.err.println("replication failed: " + e);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            out.add("end " + System.currentTimeMillis());
            Files.write(Path.of(args[7]), out);
        }
    }
}
