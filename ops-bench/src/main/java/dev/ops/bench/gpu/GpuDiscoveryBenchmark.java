package dev.ops.bench.gpu;

import dev.ops.core.text.AsciiNumbers;
import dev.ops.bench.support.Bench;
import dev.ops.core.host.LocalHost;
import dev.ops.gpu.device.Gpu;
import dev.ops.gpu.device.internal.Inspection;
import dev.ops.gpu.pci.Pci;
import dev.ops.gpu.pci.PciTopology;
import dev.ops.testkit.sysfs.FakeSysfs;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Times ops-gpu discovery (every PCI function with its attributes, IOMMU groups, the IOMMU state, GPUs with
 * siblings and isolation verdicts, processes holding GPUs) of the 8-GPU server layout of ops-testkit's
 * {@link FakeSysfs} (182 functions), next to what an operator runs by hand:
 *
 * <ol>
 *   <li>ops, warm: the median of many calls in this JVM;
 *   <li>ops, fresh JVM: a child JVM that makes one call, timed from outside (JVM start included) and inside;
 *   <li>the shell: {@code lspci -vmm -nn -D -O sysfs.path=<fake>/bus/pci} (when lspci is installed) plus a bash loop
 *       printing every IOMMU group's members, as the usual passthrough guides do.
 * </ol>
 *
 * <p>Arguments: {@code --runs N} (default 7; medians are reported), {@code --calls N} (warm calls per run, default 50).
 */
public final class GpuDiscoveryBenchmark {
    private static final PrintStream OUT = System.out;
    private static final String GROUP_LOOP = "shopt -s nullglob; for g in \"$1\"/kernel/iommu_groups/*; do echo \"IOMMU group ${g##*/}:\"; "
            + "for d in \"$g\"/devices/*; do echo \"  ${d##*/} $(cat \"$d/class\") $(cat \"$d/vendor\"):$(cat \"$d/device\")\"; done; done";

    private GpuDiscoveryBenchmark() {}

    /** Runs the benchmark; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--once")) {
            long t0 = System.nanoTime();
            List<Gpu> gpus = discover(args[1], args[2]);
            OUT.println("INSIDE " + (System.nanoTime() - t0) / 1e6 + " " + gpus.size());
            return;
        }
        OUT.println("load before: " + Bench.loadAverage());
        int runs = 7;
        int calls = 50;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = AsciiNumbers.parseInt(args[++i]);
                case "--calls" -> calls = AsciiNumbers.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (FakeSysfs fake = FakeSysfs.layout("server-8x-a100")) {
            OUT.println("machine: " + Bench.machine(Path.of("/tmp")) + "; load " + Bench.loadAverage());
            PciTopology t = Pci.on(LocalHost.create()).sysfs(fake.sysfs()).procfs(fake.procfs()).pciIds(List.of()).topology();
            OUT.println("layout: server-8x-a100, " + t.devices().size() + " functions, " + t.groups().size() + " IOMMU groups, "
                    + Inspection.gpus(t).size() + " GPUs");
            List<Double> warm = new ArrayList<>();
            List<Double> warmCpu = new ArrayList<>();
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            List<Double> coldOutside = new ArrayList<>();
            List<Double> coldInside = new ArrayList<>();
            List<Double> loop = new ArrayList<>();
            List<Double> lspci = new ArrayList<>();
            boolean haveLspci = Bench.onPath("lspci");
            for (int w = 0; w < 20; w++) {
                discover(fake.sysfs(), fake.procfs());
            }
            for (int r = 0; r < runs; r++) {
                List<Double> one = new ArrayList<>();
                List<Double> oneCpu = new ArrayList<>();
                for (int c = 0; c < calls; c++) {
                    long c0 = cpu.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    discover(fake.sysfs(), fake.procfs());
                    one.add((System.nanoTime() - t0) / 1e6);
                    oneCpu.add((cpu.getCurrentThreadCpuTime() - c0) / 1e6);
                }
                warm.add(Bench.median(one));
                warmCpu.add(Bench.median(oneCpu));
                long t0 = System.nanoTime();
                String out = run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), GpuDiscoveryBenchmark.class.getName(), "--once", fake.sysfs(), fake.procfs()));
                coldOutside.add((System.nanoTime() - t0) / 1e6);
                coldInside.add(Double.parseDouble(out.lines().filter(l -> l.startsWith("INSIDE ")).findFirst().orElseThrow().split(" ")[1]));
                t0 = System.nanoTime();
                run(List.of("bash", "-c", GROUP_LOOP, "bash", fake.sysfs()));
                loop.add((System.nanoTime() - t0) / 1e6);
                if (haveLspci) {
                    t0 = System.nanoTime();
                    run(List.of("lspci", "-vmm", "-nn", "-D", "-A", "linux-sysfs", "-O", "sysfs.path=" + fake.sysfs() + "/bus/pci")); // pciutils reads <sysfs.path>/devices
                    lspci.add((System.nanoTime() - t0) / 1e6);
                }
            }
            OUT.printf("ops warm (median of %d runs x %d calls): %.2f ms wall, %.2f ms CPU of the calling thread%n", runs, calls,
                    Bench.median(warm), Bench.median(warmCpu));
            OUT.printf("ops fresh JVM, one call, whole process: %.1f ms; the call inside it: %.1f ms%n", Bench.median(coldOutside),
                    Bench.median(coldInside));
            OUT.printf("bash loop over IOMMU groups (class, vendor:device per member): %.1f ms%n", Bench.median(loop));
            OUT.println(haveLspci ? String.format("lspci -vmm -nn -D: %.1f ms; lspci + loop: %.1f ms", Bench.median(lspci),
                    Bench.median(lspci) + Bench.median(loop)) : "lspci: not installed here, so only the loop is measured");
        }
    }

    private static List<Gpu> discover(String sysfs, String procfs) {
        PciTopology t = Pci.on(LocalHost.create()).sysfs(sysfs).procfs(procfs).pciIds(List.of()).topology();
        return Inspection.gpus(t);
    }

    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(argv.get(0) + " failed: " + out);
        }
        return out;
    }
}
