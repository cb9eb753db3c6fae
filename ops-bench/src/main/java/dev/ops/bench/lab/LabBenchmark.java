package dev.ops.bench.lab;

import dev.ops.bench.support.Bench;
import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Change;
import dev.ops.core.policy.Approver;
import dev.ops.core.secret.Secret;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.lab.Lab;
import dev.ops.lab.cli.OpsCli;
import dev.ops.lab.catalog.ReplicationTask;
import dev.ops.lab.policy.SitePolicy;
import dev.ops.lab.runway.Runway;
import dev.ops.lab.runway.RunwayReport;
import dev.ops.lab.site.Site;
import dev.ops.pve.PveClient;
import dev.ops.testkit.pve.PveFakeServer;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ops-lab on the fake Proxmox VE server (in this JVM, tasks ending at once): (a) replicating one
 * template from the primary node to the 3 other nodes of a 4-node cluster, plan time and apply time
 * (each run rolled back before the next); (b) the runway's checks, and the {@code ops runway} command run
 * in-process (loading the site, reading the secrets, making the client), wall time, warm; (c) {@code ops runway} in
 * a fresh JVM each time (cold), start to exit. Arguments: {@code --runs N} (default 15), {@code --warmup N} (default 5),
 * {@code --cold N} (default 5), {@code --jar PATH} (the cold runs as {@code java -jar PATH}, e.g. ops-lab/target/ops.jar;
 * default: this class path), {@code --jvm-option OPT} (repeatable: options of those JVMs). Prints a table; see docs/benchmarks.md.
 */
public final class LabBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String TOKEN_SECRET = "bench-lab-secret-0001";

    private LabBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 15;
        int warmup = 5;
        int cold = 5;
        String jar = null;
        List<String> jvmOptions = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--warmup" -> warmup = AsciiNumbers.parseInt(args[++i]);
                case "--cold" -> cold = AsciiNumbers.parseInt(args[++i]);
                case "--jar" -> jar = args[++i];
                case "--jvm-option" -> jvmOptions.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        System.setProperty("ops.testkit.planPurity", "false");
        Path work = Files.createTempDirectory("ops-lab-bench");
        try (PveFakeServer pve = PveFakeServer.builder().node("pve1").node("pve2").node("pve3").node("pve4")
                .token("root@pam", "bench", TOKEN_SECRET).taskDuration(Duration.ZERO)
                .vm(9000, "pve1", vm -> vm.name("debian-12").set("net0", "virtio=BC:24:11:00:00:01,bridge=vmbr0").template()).start()) {
            Site site = Site.load(writeSite(work.resolve("site"), pve));
            Map<String, String> env = Map.of("PM_TOKEN_ID", "root@pam!bench", "PM_TOKEN_SECRET", TOKEN_SECRET);
            PveClient client = PveClient.builder().baseUrl(pve.baseUri().toString()).name("lab").pinnedCertificate(pve.fingerprint())
                    .apiToken("root@pam", "bench", Secret.of(TOKEN_SECRET)).build();
            Lab lab = Lab.builder().site(site).client(client).build();
            Ops ops = Ops.inMemory().toBuilder().policy(SitePolicy.of(site, plan -> Approver.Decision.approve())).build();

            List<Double> plans = new ArrayList<>();
            List<Double> applies = new ArrayList<>();
            List<Double> runways = new ArrayList<>();
            List<Double> commands = new ArrayList<>();
            java.io.StringWriter sink = new java.io.StringWriter();
            OpsCli cli = OpsCli.builder().environment(env).out(new java.io.PrintWriter(sink)).err(new java.io.PrintWriter(sink)).build();
            for (int i = 0; i < warmup + runs; i++) {
                long t0 = System.nanoTime();
                Change<ReplicationTask> change = lab.replication(ops).replicate(r -> r.vmid(9000));
                change.plan();
                long t1 = System.nanoTime();
                Applied<ReplicationTask> done = lab.replication(ops).replicate(r -> r.vmid(9000)).apply();
                long t2 = System.nanoTime();
                if (done.value().targets().size() != 3 || !done.value().status().equals("done")) {
                    throw new IllegalStateException("replication did not finish: " + done.value());
                }
                done.rollback();
                long t3 = System.nanoTime();
                RunwayReport report = Runway.of(site, env).run();
                long t4 = System.nanoTime();
                if (!report.ok()) {
                    throw new IllegalStateException(report.render());
                }
                int status = cli.run("--site", work.resolve("site").toString(), "runway");
                long t5 = System.nanoTime();
                if (status != 0) {
                    throw new IllegalStateException("ops runway exited " + status + ": " + sink);
                }
                if (i >= warmup) {
                    plans.add((t1 - t0) / 1e6);
                    applies.add((t2 - t1) / 1e6);
                    runways.add((t4 - t3) / 1e6);
                    commands.add((t5 - t4) / 1e6);
                }
            }
            List<Double> colds = new ArrayList<>();
            for (int i = 0; i < cold; i++) {
                colds.add(coldRunway(jar, jvmOptions, work.resolve("site"), env));
            }
            OUT.println("machine: " + Bench.machine(work));
            OUT.println("load: " + Bench.loadAverage());
            OUT.printf("runs: %d (after %d warm-up runs)%n", runs, warmup);
            OUT.println("| measure | median ms | min ms | max ms |");
            OUT.println("|---|---:|---:|---:|");
            row("replicate 1 template to 3 nodes: plan", plans);
            row("replicate 1 template to 3 nodes: apply", applies);
            row("runway (warm)", runways);
            row("`ops runway` command, in-process (warm): site load, secrets, client, checks", commands);
            if (!colds.isEmpty()) {
                row("`ops runway` in a fresh JVM (cold), java " + String.join(" ", jvmOptions) + (jvmOptions.isEmpty() ? "" : " ")
                        + (jar != null ? "-jar " + Path.of(jar).getFileName() : "-cp") + ", wall", colds);
            }
        } finally {
            Bench.deleteTree(work);
        }
    }

    /** One {@code ops runway} in a JVM of its own ({@code java -jar JAR}, or this class path), start to exit, in ms. */
    private static double coldRunway(String jar, List<String> jvmOptions, Path site, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(jar != null ? List.of("-jar", jar) : List.of("-cp", System.getProperty("java.class.path"), OpsCli.class.getName()));
        command.addAll(List.of("--site", site.toString(), "runway"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        int status = p.waitFor();
        long t1 = System.nanoTime();
        if (status != 0) {
            throw new IllegalStateException("ops runway in a fresh JVM exited " + status + ": " + output);
        }
        return (t1 - t0) / 1e6;
    }

    private static void row(String name, List<Double> v) {
        OUT.printf("| %s | %.1f | %.1f | %.1f |%n", name, Bench.median(v), v.stream().mapToDouble(d -> d).min().orElse(0),
                v.stream().mapToDouble(d -> d).max().orElse(0));
    }

    static Path writeSite(Path dir, PveFakeServer pve) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("site.yml"), """
                site:
                  name: bench
                proxmox:
                  endpoint: %s
                  fingerprint: %s
                  token_id_from: PM_TOKEN_ID
                  token_secret_from: PM_TOKEN_SECRET
                storages:
                  vm: local-lvm
                templates:
                  debian-12:
                    node: pve1
                    vmid: 9000
                """.formatted(pve.baseUri(), pve.fingerprint()));
        StringBuilder nodes = new StringBuilder("cluster:\n  primary: pve1\n  nodes:\n");
        for (int n = 1; n <= 4; n++) {
            nodes.append("    pve").append(n).append(":\n      subnet: 10.20.").append(n).append(".0/24\n      gateway: 10.20.").append(n)
                    .append(".1\n      vms: 10.20.").append(n).append(".100-10.20.").append(n).append(".199\n");
        }
        Files.writeString(dir.resolve("nodes.yml"), nodes);
        return dir;
    }
}
