package dev.ops.pve;

import com.fasterxml.jackson.core.JsonParser;
import dev.ops.pve.internal.LenientValues;
import java.io.IOException;
import java.util.List;
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
    private static final Usage NONE = new Builder().build();

    private final Double cpu;
    private final Long mem;
    private final Long maxmem;
    private final Long disk;
    private final Long maxdisk;
    private final Long uptime;
    private final Long netin;
    private final Long netout;
    private final Long diskread;
    private final Long diskwrite;

    private Usage(Builder b) {
        this.cpu = b.cpu;
        this.mem = b.mem;
        this.maxmem = b.maxmem;
        this.disk = b.disk;
        this.maxdisk = b.maxdisk;
        this.uptime = b.uptime;
        this.netin = b.netin;
        this.netout = b.netout;
        this.diskread = b.diskread;
        this.diskwrite = b.diskwrite;
    }

    /** Usage with no field set, as for an entry Proxmox sent no usage with. */
    public static Usage none() {
        return NONE;
    }

    /** CPU use as a fraction of the CPUs it may use. */
    public OptionalDouble cpu() {
        return cpu == null ? OptionalDouble.empty() : OptionalDouble.of(cpu);
    }

    /** Memory in use, bytes. */
    public OptionalLong mem() {
        return optional(mem);
    }

    /** Memory it may use, bytes. */
    public OptionalLong maxmem() {
        return optional(maxmem);
    }

    /** Disk space in use, bytes. */
    public OptionalLong disk() {
        return optional(disk);
    }

    /** Disk space it has, bytes. */
    public OptionalLong maxdisk() {
        return optional(maxdisk);
    }

    /** Seconds since it started. */
    public OptionalLong uptime() {
        return optional(uptime);
    }

    /** Bytes received over the network since start. */
    public OptionalLong netin() {
        return optional(netin);
    }

    /** Bytes sent over the network since start. */
    public OptionalLong netout() {
        return optional(netout);
    }

    /** Bytes read from disks since start. */
    public OptionalLong diskread() {
        return optional(diskread);
    }

    /** Bytes written to disks since start. */
    public OptionalLong diskwrite() {
        return optional(diskwrite);
    }

    private static OptionalLong optional(Long v) {
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** Hands each field Proxmox sent to {@code out}, by wire name. */
    void known(BiConsumer<String, Object> out) {
        Object[] values = {cpu, mem, maxmem, disk, maxdisk, uptime, netin, netout, diskread, diskwrite};
        for (int i = 0; i < values.length; i++) {
            out.accept(NAMES.get(i), values[i]);
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

    /** Collects usage fields while a model is read. */
    public static final class Builder {
        private Double cpu;
        private Long mem;
        private Long maxmem;
        private Long disk;
        private Long maxdisk;
        private Long uptime;
        private Long netin;
        private Long netout;
        private Long diskread;
        private Long diskwrite;

        /** Reads the value at the parser's current token into the usage field {@code NAMES.get(index)}. */
        void read(int index, JsonParser p) throws IOException {
            switch (index) {
                case 0 -> cpu = LenientValues.number(p);
                case 1 -> mem = LenientValues.longValue(p);
                case 2 -> maxmem = LenientValues.longValue(p);
                case 3 -> disk = LenientValues.longValue(p);
                case 4 -> maxdisk = LenientValues.longValue(p);
                case 5 -> uptime = LenientValues.longValue(p);
                case 6 -> netin = LenientValues.longValue(p);
                case 7 -> netout = LenientValues.longValue(p);
                case 8 -> diskread = LenientValues.longValue(p);
                case 9 -> diskwrite = LenientValues.longValue(p);
                default -> throw new IllegalArgumentException("no usage field " + index);
            }
        }

        /** The usage read so far. */
        public Usage build() {
            return new Usage(this);
        }
    }
}
