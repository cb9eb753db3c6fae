package dev.ops.pve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.ops.proxmox.internal.LenientValues;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.BiConsumer;

/**
 * What a guest, node or storage uses, as Proxmox's lists report it: CPU, memory, disk, uptime and
 * I/O counters. Each is empty when Proxmox did not send it.
 */
public final class Usage {
    /** The wire names of the usage fields, in the order {@link #known} lists them. */
    static final List<String> NAMES = List.of("cpu", "mem", "maxmem", "disk", "maxdisk", "uptime", "netin", "netout",
            "diskread", "diskwrite");
    private static final Usage NONE = new Usage();

    // Primitives and a bit per field that was sent: a long list holds thousands of these numbers.
    // Set while the model that holds it is read (as the models' own fields are), not after.
    private int sent;
    private double cpu;
    private long mem;
    private long maxmem;
    private long disk;
    private long maxdisk;
    private long uptime;
    private long netin;
    private long netout;
    private long diskread;
    private long diskwrite;

    /** Usage with nothing read yet, to be filled by {@link #read}. */
    Usage() {}

    /** Usage with no field set, as for an entry Proxmox sent no usage with. */
    public static Usage none() {
        return NONE;
    }

    /** CPU use as a fraction of the CPUs it may use. */
    public OptionalDouble cpu() {
        return (sent & 1) == 0 ? OptionalDouble.empty() : OptionalDouble.of(cpu);
    }

    /** Memory in use, bytes. */
    public OptionalLong mem() {
        return optional(1, mem);
    }

    /** Memory it may use, bytes. */
    public OptionalLong maxmem() {
        return optional(2, maxmem);
    }

    /** Disk space in use, bytes. */
    public OptionalLong disk() {
        return optional(3, disk);
    }

    /** Disk space it has, bytes. */
    public OptionalLong maxdisk() {
        return optional(4, maxdisk);
    }

    /** Seconds since it started. */
    public OptionalLong uptime() {
        return optional(5, uptime);
    }

    /** Bytes received over the network since start. */
    public OptionalLong netin() {
        return optional(6, netin);
    }

    /** Bytes sent over the network since start. */
    public OptionalLong netout() {
        return optional(7, netout);
    }

    /** Bytes read from disks since start. */
    public OptionalLong diskread() {
        return optional(8, diskread);
    }

    /** Bytes written to disks since start. */
    public OptionalLong diskwrite() {
        return optional(9, diskwrite);
    }

    private OptionalLong optional(int index, long v) {
        return (sent & (1 << index)) == 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Hands each field to {@code out} by wire name: cpu as a Double, the others as Longs, null where Proxmox sent none. */
    void known(BiConsumer<String, Object> out) {
        out.accept(NAMES.get(0), cpu().isPresent() ? (Object) cpu : null);
        long[] counters = {0, mem, maxmem, disk, maxdisk, uptime, netin, netout, diskread, diskwrite};
        for (int i = 1; i < counters.length; i++) {
            out.accept(NAMES.get(i), (sent & (1 << i)) == 0 ? null : (Object) counters[i]);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Usage{");
        known((k, v) -> {
            if (v != null) {
                sb.append(sb.length() > 6 ? ", " : "").append(k).append('=').append(v);
            }
        });
        return sb.append('}').toString();
    }

    /** Whether any usage field was read. */
    boolean any() {
        return sent != 0;
    }

    /** Reads the value at the parser's current token into the usage field {@code NAMES.get(index)}. */
    void read(int index, JsonParser p) throws IOException {
        Objects.checkIndex(index, NAMES.size());
        if (index == 0) {
            if (p.currentToken().isNumeric()) {
                cpu = p.getDoubleValue();
                sent |= 1;
            } else {
                Double v = LenientValues.number(p);
                if (v != null) {
                    cpu = v;
                    sent |= 1;
                }
            }
            return;
        }
        long v;
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            try {
                v = p.getLongValue();
            } catch (InputCoercionException beyondLong) {
                return;
            }
        } else {
            Long lenient = LenientValues.longValue(p);
            if (lenient == null) {
                return;
            }
            v = lenient;
        }
        sent |= 1 << index;
        switch (index) {
            case 1 -> mem = v;
            case 2 -> maxmem = v;
            case 3 -> disk = v;
            case 4 -> maxdisk = v;
            case 5 -> uptime = v;
            case 6 -> netin = v;
            case 7 -> netout = v;
            case 8 -> diskread = v;
            default -> diskwrite = v;
        }
    }
}
