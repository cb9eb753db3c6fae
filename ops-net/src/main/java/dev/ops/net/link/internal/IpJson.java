package dev.ops.net.link.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import dev.ops.net.link.Link;
import dev.ops.net.link.LinkAddress;
import dev.ops.net.link.Route;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the JSON that {@code ip -json} prints into ops values. */
public final class IpJson {
    private IpJson() {}

    private static JsonNode tree(String json, String what) {
        if (json == null || json.isBlank()) {
            return Json.mapper().createArrayNode();
        }
        try {
            JsonNode n = Json.mapper().readTree(json);
            if (!n.isArray()) {
                throw new OpsException("ip -json " + what + " did not print a JSON array");
            }
            return n;
        } catch (IOException e) {
            throw new OpsException("cannot read the JSON of ip -json " + what + ": " + e.getMessage(), e);
        }
    }

    /** Links from {@code ip -json -details link show}. */
    public static List<Link> links(String json) {
        List<Link> out = new ArrayList<>();
        for (JsonNode n : tree(json, "link")) {
            List<String> flags = new ArrayList<>();
            n.path("flags").forEach(f -> flags.add(f.asText()));
            JsonNode info = n.path("linkinfo");
            JsonNode data = info.path("info_data");
            Optional<String> kind = text(info, "info_kind");
            Optional<String> parent = text(n, "link");
            if (n.has("link_netnsid")) {
                parent = Optional.empty();
            }
            Link.Builder b = Link.builder().index(n.path("ifindex").asInt()).name(n.path("ifname").asText()).flags(flags)
                    .mtu(n.path("mtu").asInt()).operState(n.path("operstate").asText("UNKNOWN"));
            kind.ifPresent(b::kind);
            text(n, "address").filter(a -> a.length() == 17).ifPresent(b::mac);
            text(n, "master").ifPresent(b::master);
            parent.ifPresent(b::parent);
            if (kind.filter("vlan"::equals).isPresent() && data.has("id")) {
                b.vlanId(data.path("id").asInt());
            }
            kind.filter("bridge"::equals).ifPresent(k -> b.vlanAware(data.path("vlan_filtering").asInt(0) == 1));
            if (kind.filter("bond"::equals).isPresent()) {
                text(data, "mode").ifPresent(b::bondMode);
                if (data.has("miimon")) {
                    b.miimon(data.path("miimon").asInt());
                }
            }
            out.add(b.build());
        }
        return out;
    }

    /** Addresses from {@code ip -json address show}. */
    public static List<LinkAddress> addresses(String json) {
        List<LinkAddress> out = new ArrayList<>();
        for (JsonNode n : tree(json, "address")) {
            String link = n.path("ifname").asText();
            for (JsonNode a : n.path("addr_info")) {
                Optional<IpAddress> ip = IpAddress.tryParse(a.path("local").asText());
                if (ip.isPresent()) {
                    out.add(new LinkAddress(link, Cidr.of(ip.get(), a.path("prefixlen").asInt()), a.path("scope").asText("global")));
                }
            }
        }
        return out;
    }

    /** Routes from {@code ip -json route show}. */
    public static List<Route> routes(String json) {
        List<Route> out = new ArrayList<>();
        for (JsonNode n : tree(json, "route")) {
            if (n.has("type") && !"unicast".equals(n.path("type").asText())) {
                continue;
            }
            Route.Builder b = Route.builder().destination(n.path("dst").asText()).protocol(n.path("protocol").asText("boot"));
            text(n, "gateway").flatMap(IpAddress::tryParse).ifPresent(b::gateway);
            text(n, "dev").ifPresent(b::device);
            if (n.has("metric")) {
                b.metric(n.path("metric").asLong());
            }
            out.add(b.build());
        }
        return out;
    }

    /** The device of {@code ip -json route get ADDRESS}, if any. */
    public static Optional<String> routeGetDevice(String json) {
        JsonNode n = tree(json, "route get");
        return n.isEmpty() ? Optional.empty() : text(n.get(0), "dev");
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }
}
