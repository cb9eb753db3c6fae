package dev.ops.bench.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What every benchmark of ops-bench needs: medians, a description of the machine, tool lookups, clean-up. */
public final class Bench {
    private Bench() {}

    /** The median of the values (the mean of the middle two for an even count). */
    public static double median(List<Double> v) {
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The value of the first row whose name starts with {@code prefix}. */
    public static double find(Map<String, Double> rows, String prefix) {
        return rows.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).findFirst().orElseThrow().getValue();
    }

    /** CPUs, CPU model, memory, JVM, OpenSSH and Ansible versions, on one line; {@code work} takes what the tools write. */
    public static String machine(Path work) {
        String cpu = "?";
        String mem = "?";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
            mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            // informational only
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpu + "), " + mem + ", "
                + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + version(work, "ssh", "-V") + ", " + (onPath("ansible") ? version(work, "ansible", "--version") : "no ansible");
    }

    /** The first line a program prints about its version, run with its home directory in {@code work}. */
    public static String version(Path work, String... argv) {
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
            // ansible creates ~/.ansible/tmp even for --version: keep it in the benchmark's directory
            pb.environment().put("HOME", work.toString());
            pb.environment().put("ANSIBLE_HOME", work.resolve("ansible-home").toString());
            pb.environment().put("ANSIBLE_LOCAL_TEMP", work.resolve("ansible-tmp").toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return out.lines().findFirst().orElse("");
        } catch (IOException e) {
            return argv[0] + " ?";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return argv[0] + " ?";
        }
    }

    /** The machine's load average as /proc/loadavg gives it. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    /** Whether a program is on the PATH. */
    public static boolean onPath(String program) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
    }

    /** Deletes a directory tree, if it exists. */
    public static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
