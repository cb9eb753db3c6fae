package dev.ops.bench.net;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.core.store.FileStateStore;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.net.IpAddress;
import dev.ops.net.IpFamily;
import dev.ops.net.ifupdown.InterfacesFile;
import dev.ops.net.ipam.internal.IpamEngine;
import dev.ops.net.ipam.IpamConfig;
import dev.ops.net.ipam.NodeSubnet;
import dev.ops.net.ipam.Pool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Allocation throughput of the allocation engine behind {@link dev.ops.net.ipam.IpAllocator} (8 threads in one JVM; 2 JVMs on one
 * {@link FileStateStore} directory; each checked for duplicates) and parse+render time of a
 * 2,000-interface {@code /etc/network/interfaces}.
 *
 * <pre>
 * java -cp ... dev.ops.bench.net.NetBench [allocations=4000] [rounds=3]
 * </pre>
 */
public final class NetBench {
    static final IpamConfig CONFIG = IpamConfig.of(
            NodeSubnet.of("n1", "10.0.0.0/16", "10.0.0.1").withRange(Pool.VM, "10.0.1.0-10.0.255.254"));
    private static final PrintStream OUT = System.out;

    private NetBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), AsciiNumbers.parseInt(args[2]), AsciiNumbers.parseInt(args[3]), args[4]);
            return;
        }
        int n = args.length > 0 ? AsciiNumbers.parseInt(args[0]) : 4000;
        int rounds = args.length > 1 ? AsciiNumbers.parseInt(args[1]) : 3;
        OUT.printf("machine: nproc=%d, cpu=%s, java=%s%n", Runtime.getRuntime().availableProcessors(), cpuModel(),
                System.getProperty("java.version"));
        OUT.printf("allocations per run: %d, rounds: %d (best and median reported)%n%n", n, rounds);

        report("baseline: raw FileStateStore compareAndSet, 1 thread", rounds, () -> withFileStore(dir -> rawCas(dir, n)));
        report("in-memory store, 8 threads, 1 JVM", rounds, () -> threads(InMemoryStateStore.create(), n, 8, "m"));
        report("file store, 1 thread, 1 JVM", rounds, () -> withFileStore(dir -> threads(dir, n, 1, "s")));
        report("file store, 8 threads, 1 JVM", rounds, () -> withFileStore(dir -> threads(dir, n, 8, "t")));
        report("file store, 2 JVMs x 1 thread", rounds, () -> twoJvms(n, 1));
        report("file store, 2 JVMs x 4 threads", rounds, () -> twoJvms(n, 4));
        report("file store, 1 thread, allocateAll batches of 100", rounds, () -> withFileStore(dir -> batched(dir, n, 100)));
        interfacesFile(2000, Math.max(rounds, 5));
    }

    interface Run {
        double perSecond() throws Exception;
    }

    interface StoreRun {
        double perSecond(StateStore store) throws Exception;
    }

    private static void report(String name, int rounds, Run run) throws Exception {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            rates.add(run.perSecond());
        }
        rates.sort(Comparator.naturalOrder());
        OUT.printf("%-56s best %9.0f /s   median %9.0f /s%n", name, rates.get(rates.size() - 1),
                rates.get(rates.size() / 2));
    }

    private static double withFileStore(StoreRun run) throws Exception {
        Path dir = Files.createTempDirectory("ops-netbench");
        try (FileStateStore store = FileStateStore.open(dir)) {
            return run.perSecond(store);
        } finally {
            delete(dir);
        }
    }

    private static double threads(StateStore store, int total, int threads, String tag) throws Exception {
        IpamEngine ipam = IpamEngine.create(store, CONFIG);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<List<IpAddress>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<IpAddress> mine = new ArrayList<>();
                    for (int i = thread; i < total; i += threads) {
                        mine.add(ipam.allocate("n1", Pool.VM, tag + "/" + i).address());
                    }
                    return mine;
                }));
            }
            List<IpAddress> all = new ArrayList<>();
            for (Future<List<IpAddress>> f : futures) {
                all.addAll(f.get());
            }
            double rate = total / ((System.nanoTime() - start) / 1e9);
            checkUnique(all, total);
            check(ipam.allocations("n1").size() == total, "store holds " + ipam.allocations("n1").size() + " allocations, expected " + total);
            return rate;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double rawCas(StateStore store, int total) {
        byte[] value = new byte[100];
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long version = store.get("bench/raw").map(v -> v.version()).orElse(StateStore.ABSENT);
            check(store.compareAndSet("bench/raw", version, value), "uncontended CAS failed");
        }
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static double batched(StateStore store, int total, int batch) {
        IpamEngine ipam = IpamEngine.create(store, CONFIG);
        List<IpAddress> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i += batch) {
            List<String> owners = new ArrayList<>();
            for (int k = i; k < Math.min(total, i + batch); k++) {
                owners.add("b/" + k);
            }
            ipam.allocateAll("n1", Pool.VM, IpFamily.IPV4, owners).forEach(a -> all.add(a.address()));
        }
        double rate = total / ((System.nanoTime() - start) / 1e9);
        checkUnique(all, total);
        return rate;
    }

    private static double twoJvms(int total, int threadsEach) throws Exception {
        Path dir = Files.createTempDirectory("ops-netbench");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<Process> children = new ArrayList<>();
            List<Path> outs = new ArrayList<>();
            Path go = dir.resolve("go");
            for (int c = 0; c < 2; c++) {
                Path out = Files.createTempFile("ops-netbench-child", ".txt");
                outs.add(out);
                children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), NetBench.class.getName(), "child",
                        dir.toString(), String.valueOf(total / 2), String.valueOf(threadsEach), "c" + c)
                        .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start());
            }
            // children wait for the "go" file so that JVM start-up is not timed
            waitForReady(dir, 2);
            long start = System.nanoTime();
            Files.writeString(go, "go");
            for (Process p : children) {
                check(p.waitFor(10, TimeUnit.MINUTES) && p.exitValue() == 0, "child JVM failed");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            List<IpAddress> all = new ArrayList<>();
            for (Path out : outs) {
                Files.readAllLines(out).stream().filter(l -> !l.isBlank()).map(IpAddress::parse).forEach(all::add);
                Files.delete(out);
            }
            checkUnique(all, total / 2 * 2);
            return all.size() / seconds;
        } finally {
            delete(dir);
        }
    }

    private static void waitForReady(Path dir, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.filter(p -> p.getFileName().toString().startsWith("ready-")).count() >= n) {
                    return;
                }
            }
            check(System.nanoTime() < deadline, "child JVMs did not start");
            Thread.sleep(10);
        }
    }

    private static void child(Path dir, int count, int threads, String tag) throws Exception {
        try (FileStateStore store = FileStateStore.open(dir)) {
            IpamEngine ipam = IpamEngine.create(store, CONFIG);
            ipam.allocations("n1");
            Files.writeString(dir.resolve("ready-" + tag), "");
            while (!Files.exists(dir.resolve("go"))) {
                Thread.sleep(1);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<List<IpAddress>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    List<IpAddress> mine = new ArrayList<>();
                    for (int i = thread; i < count; i += threads) {
                        mine.add(ipam.allocate("n1", Pool.VM, tag + "/" + i).address());
                    }
                    return mine;
                }));
            }
            StringBuilder sb = new StringBuilder();
            for (Future<List<IpAddress>> f : futures) {
                f.get().forEach(ip -> sb.append(ip).append('\n'));
            }
            pool.shutdown();
            OUT.print(sb);
            OUT.flush();
        }
    }

    private static void interfacesFile(int ifaces, int rounds) {
        String text = generate(ifaces);
        long bestParse = Long.MAX_VALUE;
        long bestRender = Long.MAX_VALUE;
        for (int i = 0; i < rounds + 5; i++) {
            long t0 = System.nanoTime();
            InterfacesFile f = InterfacesFile.parse(text);
            long t1 = System.nanoTime();
            String back = f.render();
            long t2 = System.nanoTime();
            check(back.equals(text), "render is not byte-identical");
            if (i >= 5) {
                bestParse = Math.min(bestParse, t1 - t0);
                bestRender = Math.min(bestRender, t2 - t1);
            }
        }
        InterfacesFile f = InterfacesFile.parse(text);
        long bestEdit = Long.MAX_VALUE;
        String diff = "";
        for (int i = 0; i < rounds + 5; i++) {
            long t0 = System.nanoTime();
            InterfacesFile edited = f.edit("vmbr1002", x -> x.withMtu(9000));
            diff = f.diff(edited);
            bestEdit = Math.min(bestEdit, System.nanoTime() - t0);
        }
        OUT.printf("%ninterfaces file: %d ifaces, %d lines, %d bytes%n", ifaces, text.split("\n").length, text.length());
        OUT.printf("  parse  best %.2f ms%n  render best %.2f ms (byte-identical checked)%n", bestParse / 1e6, bestRender / 1e6);
        OUT.printf("  one edit + unified diff best %.2f ms (%d diff lines)%n", bestEdit / 1e6, diff.split("\n").length);
    }

    static String generate(int ifaces) {
        StringBuilder sb = new StringBuilder("# generated by NetBench\n\nauto lo\niface lo inet loopback\n");
        for (int i = 0; i < ifaces; i++) {
            sb.append('\n');
            switch (i % 4) {
                case 0 -> sb.append("iface eno").append(i).append(" inet manual\n\tmtu 9000\n");
                case 1 -> sb.append("auto bond").append(i).append("\niface bond").append(i).append(" inet manual\n\tbond-slaves eno")
                        .append(i - 1).append("\n\tbond-miimon 100\n\tbond-mode 802.3ad\n");
                case 2 -> sb.append("auto vmbr").append(i).append("\niface vmbr").append(i).append(" inet static\n\taddress 10.")
                        .append(i / 250 % 250).append('.').append(i % 250).append(".2/24\n\tgateway 10.").append(i / 250 % 250).append('.')
                        .append(i % 250).append(".1\n\tbridge-ports bond").append(i - 1)
                        .append("\n\tbridge-stp off\n\tbridge-fd 0\n\tbridge-vlan-aware yes\n\tbridge-vids 2-4094\n");
                default -> sb.append("auto vmbr").append(i - 1).append('.').append(i % 4000 + 1).append("\niface vmbr").append(i - 1)
                        .append('.').append(i % 4000 + 1).append(" inet manual\n\tvlan-raw-device vmbr").append(i - 1).append('\n');
            }
        }
        return sb.toString();
    }

    private static void checkUnique(List<IpAddress> all, int expected) {
        Set<IpAddress> seen = new HashSet<>(all);
        check(all.size() == expected, "got " + all.size() + " addresses, expected " + expected);
        check(seen.size() == all.size(), (all.size() - seen.size()) + " DUPLICATE addresses");
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
