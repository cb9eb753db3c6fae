package dev.ops.sto.lvm.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.json.internal.Json;
import dev.ops.core.text.AsciiNumbers;
import dev.ops.sto.lvm.LogicalVolume;
import dev.ops.sto.lvm.PhysicalVolume;
import dev.ops.sto.lvm.VolumeGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** LVM's {@code --reportformat json} reports ({@code --units b --nosuffix}): every value a string. */
public final class LvmReports {
    /** The pvs columns read. */
    public static final String PV_COLUMNS = "pv_name,vg_name,pv_size,pv_free";
    /** The vgs columns read. */
    public static final String VG_COLUMNS = "vg_name,vg_size,vg_free,pv_count,lv_count";
    /** The lvs columns read. */
    public static final String LV_COLUMNS = "lv_name,vg_name,lv_attr,lv_size,origin,pool_lv,snap_percent,data_percent,metadata_percent";

    private LvmReports() {}

    private static List<JsonNode> rows(String json, String kind) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("LVM printed no JSON report", e);
        }
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode report : root.path("report")) {
            report.path(kind).forEach(rows::add);
        }
        return rows;
    }

    private static long bytes(JsonNode row, String field) {
        String v = row.path(field).asText("");
        return v.isEmpty() ? 0 : AsciiNumbers.parseLong(v);
    }

    private static double percent(JsonNode row, String field) {
        String v = row.path(field).asText("");
        if (v.isEmpty()) {
            return -1;
        }
        // lvs formats percents in its locale: 12.87, or 12,87 where the decimal separator is a comma
        int dot = Math.max(v.indexOf('.'), v.indexOf(','));
        String whole = dot < 0 ? v : v.substring(0, dot);
        String frac = dot < 0 ? "" : v.substring(dot + 1);
        // digits as one integer, then one division: 12.87 is read as 1287 / 100.0, the double closest to 12.87
        return AsciiNumbers.parseLong((whole.isEmpty() ? "0" : whole) + frac) / Math.pow(10, frac.length());
    }

    /** {@code pvs --reportformat json}. */
    public static List<PhysicalVolume> pvs(String json) {
        return rows(json, "pv").stream().map(r -> new PhysicalVolume(r.path("pv_name").asText(), r.path("vg_name").asText(""),
                bytes(r, "pv_size"), bytes(r, "pv_free"))).toList();
    }

    /** {@code vgs --reportformat json}. */
    public static List<VolumeGroup> vgs(String json) {
        return rows(json, "vg").stream().map(r -> new VolumeGroup(r.path("vg_name").asText(), bytes(r, "vg_size"), bytes(r, "vg_free"),
                (int) bytes(r, "pv_count"), (int) bytes(r, "lv_count"))).toList();
    }

    /** {@code lvs --reportformat json}. */
    public static List<LogicalVolume> lvs(String json) {
        return rows(json, "lv").stream().map(r -> new LogicalVolume(r.path("lv_name").asText(), r.path("vg_name").asText(),
                r.path("lv_attr").asText(""), bytes(r, "lv_size"), r.path("origin").asText(""), r.path("pool_lv").asText(""),
                percent(r, "snap_percent"), percent(r, "data_percent"), percent(r, "metadata_percent"))).toList();
    }
}
