package dev.ops.gpu.nvidia;

import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.core.host.Host;
import dev.ops.gpu.pci.PciAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * NVIDIA details of a host's GPUs through {@code nvidia-smi}, in one round trip: the GPUs and the
 * compute processes on them. A host without the tool (or without the driver) has none. Reads only.
 */
public final class NvidiaSmi {
    /** The fields asked of {@code --query-gpu}, in this order. */
    public static final String GPU_FIELDS = "index,pci.bus_id,uuid,name,driver_version,memory.total,memory.used,power.limit,power.draw,"
            + "persistence_mode,clocks.gr,clocks.max.gr,temperature.gpu";
    /** The fields asked of {@code --query-compute-apps}, in this order. */
    public static final String APP_FIELDS = "gpu_bus_id,pid,process_name,used_memory";

    private static final String SCRIPT = "command -v nvidia-smi >/dev/null 2>&1 || exit 127; "
            + "nvidia-smi --query-gpu=" + GPU_FIELDS + " --format=csv,noheader,nounits || exit $?; echo @apps; "
            + "nvidia-smi --query-compute-apps=" + APP_FIELDS + " --format=csv,noheader,nounits; exit 0";

    private final Host host;

    private NvidiaSmi(Host host) {
        this.host = Objects.requireNonNull(host, "host");
    }

    /** NVIDIA details of {@code host}. */
    public static NvidiaSmi on(Host host) {
        return new NvidiaSmi(host);
    }

    /** Every NVIDIA GPU the driver drives; empty without nvidia-smi or a working driver. */
    public List<NvidiaGpu> list() {
        String[] parts = query();
        return parts == null ? List.of() : parseGpus(parts[0]);
    }

    /** The compute processes on every GPU; empty without nvidia-smi. */
    public List<NvidiaProcess> processes() {
        String[] parts = query();
        return parts == null ? List.of() : parseProcesses(parts[1]);
    }

    private String[] query() {
        CommandResult r = host.run(Command.shell(SCRIPT));
        if (r.exitCode() == 127 || r.exitCode() == 9 || r.exitCode() == 6) {
            // 127: no tool; 9: the driver is not loaded; 6: no GPU found
            return null;
        }
        String out = r.orThrow().stdoutText();
        int at = out.indexOf("@apps\n");
        return at < 0 ? new String[] {out, ""} : new String[] {out.substring(0, at), out.substring(at + 6)};
    }

    /** The GPUs in {@code --query-gpu=}{@value #GPU_FIELDS}{@code --format=csv,noheader,nounits} output. */
    public static List<NvidiaGpu> parseGpus(String csv) {
        List<NvidiaGpu> out = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = fields(line, 13, 3);
            out.add(new NvidiaGpu(integer(f[0]), address(f[1]), f[2], f[3], f[4], (long) number(f[5]), (long) number(f[6]), number(f[7]),
                    number(f[8]), f[9].equalsIgnoreCase("Enabled"), integer(f[10]), integer(f[11]), integer(f[12])));
        }
        return out;
    }

    /** The processes in {@code --query-compute-apps=}{@value #APP_FIELDS}{@code --format=csv,noheader,nounits} output. */
    public static List<NvidiaProcess> parseProcesses(String csv) {
        List<NvidiaProcess> out = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (line.isBlank() || line.startsWith("No running")) {
                continue;
            }
            String[] f = fields(line, 4, 2);
            out.add(new NvidiaProcess(address(f[0]), integer(f[1]), f[2], (long) number(f[3])));
        }
        return out;
    }

    /** Splits on commas; extra commas are taken to belong to the free-text field at {@code textField}. */
    private static String[] fields(String line, int count, int textField) {
        String[] raw = line.split(",", -1);
        if (raw.length < count) {
            throw new IllegalArgumentException("nvidia-smi line has " + raw.length + " fields, expected " + count + ": " + line);
        }
        String[] f = new String[count];
        int extra = raw.length - count;
        for (int i = 0, j = 0; i < count; i++) {
            if (i == textField) {
                StringBuilder b = new StringBuilder(raw[j++]);
                for (int k = 0; k < extra; k++) {
                    b.append(',').append(raw[j++]);
                }
                f[i] = b.toString().strip();
            } else {
                f[i] = raw[j++].strip();
            }
        }
        return f;
    }

    /** nvidia-smi writes the domain with 8 digits ({@code 00000000:01:00.0}). */
    private static PciAddress address(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        int first = t.indexOf(':');
        if (first > 4) {
            t = t.substring(first - 4);
        }
        return PciAddress.parse(t, "pci.bus_id");
    }

    private static double number(String s) {
        if (s.isEmpty() || s.startsWith("[")) {
            return -1;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int integer(String s) {
        return (int) number(s);
    }
}
