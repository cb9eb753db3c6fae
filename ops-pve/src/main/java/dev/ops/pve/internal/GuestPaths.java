package dev.ops.pve.internal;

import dev.ops.pve.guest.Guest;
import java.util.LinkedHashMap;
import java.util.Map;

/** The path templates and path parameters of a guest's endpoints. */
public final class GuestPaths {
    private GuestPaths() {}

    /** The path template of the guest's endpoint plus {@code suffix}, e.g. {@code /nodes/{node}/qemu/{vmid}/config}. */
    public static String template(Guest g, String suffix) {
        return "/nodes/{node}/" + g.type().segment() + "/{vmid}" + suffix;
    }

    /** The guest's path parameters plus {@code extra}. */
    public static Map<String, Object> params(Guest g, Map<String, ?> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("node", g.node());
        p.put("vmid", g.vmid());
        p.putAll(extra);
        return p;
    }

    /** The guest's path parameters plus {@code kv}, given as name, value, name, value... in order. */
    public static Map<String, Object> params(Guest g, Object... kv) {
        Map<String, Object> extra = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            extra.put((String) kv[i], kv[i + 1]);
        }
        return params(g, extra);
    }
}
