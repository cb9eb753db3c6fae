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
import java.util.OptionalInt;
import java.util.OptionalLong;

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
            Optional<Boolean> vlanAware = kind.filter("bridge"::equals).map(k -> data.path("vlan_filtering").asInt(0) == 1);
            out.add(new Link(n.path("ifindex").asInt(), n.path("ifname").asText(), kind, flags, n.path("mtu").asInt(),
                    n.path("operstate").asText("UNKNOWN"), text(n, "address").filter(a -> a.length() == 17), text(n, "master"),
                    parent, kind.filter("vlan"::equals).isPresent() && data.has("id") ? OptionalInt.of(data.path("id").asInt())
                            : OptionalInt.empty(),
                    vlanAware, kind.filter("bond"::equals).flatMap(k -> text(data, "mode")),
                    kind.filter("bond"::equals).isPresent() && data.has("miimon") ? OptionalInt.of(data.path("miimon").asInt())
                            : OptionalInt.empty()));
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
            out.add(new Route(n.path("dst").asText(), text(n, "gateway").flatMap(IpAddress::tryParse), text(n, "dev"),
                    n.path("protocol").asText("boot"),
                    n.has("metric") ? OptionalLong.of(n.path("metric").asLong()) : OptionalLong.empty()));
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
