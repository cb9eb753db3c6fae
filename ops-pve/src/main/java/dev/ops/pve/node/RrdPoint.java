package dev.ops.pve.node;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One point of RRD data (a node's or a guest's {@code rrddata}): its time and every value the server
 * sent for it ({@code cpu}, {@code memused}, {@code netin}, ...), by name.
 *
 * @param time the start of the point's interval
 * @param values the values, by name
 */
public record RrdPoint(Instant time, Map<String, Double> values) {

    public RrdPoint {
        values = Map.copyOf(values);
    }

    /** The value of that name, if the server sent one. */
    public OptionalDouble value(String name) {
        Double v = values.get(name);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** Reads the points of an {@code rrddata} answer; values that are not numbers (gaps) are left out. */
    static java.util.List<RrdPoint> read(dev.ops.proxmox.JsonValue data) {
        java.util.List<RrdPoint> out = new java.util.ArrayList<>();
        for (dev.ops.proxmox.JsonValue p : data.elements()) {
            Map<String, Double> values = new java.util.TreeMap<>();
            for (String name : p.fieldNames()) {
                dev.ops.proxmox.JsonValue v = p.path(name);
                if (!name.equals("time") && v.isNumber()) {
                    values.put(name, v.asDouble());
                }
            }
            out.add(new RrdPoint(Instant.ofEpochSecond(p.path("time").asLong()), values));
        }
        return out;
    }
}
