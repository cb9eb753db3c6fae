package dev.ops.net.ipam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violations;
import dev.ops.core.json.internal.Json;
import dev.ops.net.Cidr;
import dev.ops.net.IpAddress;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The subnets of every node, loaded from YAML or JSON or built in code. Validated when built:
 * every bad CIDR, range outside its subnet, overlapping range or misplaced gateway is listed.
 *
 * <pre>{@code
 * nodes:
 *   node-02:
 *     - subnet: 192.168.2.0/24
 *       gateway: 192.168.2.1
 *       vms: 192.168.2.100-192.168.2.199
 *       containers: 192.168.2.200-192.168.2.254
 *     - subnet: fd00:2::/64
 *       vms: fd00:2::100-fd00:2::1ff
 * }</pre>
 *
 * @param subnets the subnets, at most one per node and family
 */
public record IpamConfig(List<NodeSubnet> subnets) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public IpamConfig {
        subnets = List.copyOf(subnets);
        Violations v = Violations.of("IPAM config");
        for (int i = 0; i < subnets.size(); i++) {
            NodeSubnet s = subnets.get(i);
            String at = s.node() + "[" + s.cidr() + "]";
            s.problems().forEach(p -> v.add(at + "." + p.field(), p.message()));
            for (int j = 0; j < i; j++) {
                NodeSubnet o = subnets.get(j);
                if (o.node().equals(s.node()) && o.family() == s.family()) {
                    v.add(at, "node " + s.node() + " has a second " + s.family() + " subnet (" + o.cidr() + ")");
                }
            }
        }
        v.throwIfAny();
    }

    /** A config of these subnets. */
    public static IpamConfig of(NodeSubnet... subnets) {
        return new IpamConfig(List.of(subnets));
    }

    /** Parses YAML (JSON is YAML too). */
    public static IpamConfig fromYaml(String text) {
        try {
            return fromTree(YAML.readTree(text));
        } catch (IOException e) {
            throw new ValidationException("IPAM config", Violations.of("IPAM config").add("yaml", e.getMessage()).list());
        }
    }

    /** Parses JSON. */
    public static IpamConfig fromJson(String text) {
        try {
            return fromTree(Json.mapper().readTree(text));
        } catch (IOException e) {
            throw new ValidationException("IPAM config", Violations.of("IPAM config").add("json", e.getMessage()).list());
        }
    }

    /**
     * Loads a {@code .json}, {@code .yaml} or {@code .yml} file: a {@link NotFoundException} when
     * it does not exist, a {@link ValidationException} on field {@code file} when it cannot be read
     * (a directory, no permission, not UTF-8) and on the config's fields when its content is wrong.
     */
    public static IpamConfig load(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new NotFoundException("IPAM config " + file, "no such file");
        } catch (CharacterCodingException e) {
            throw invalidFile(file, "is not UTF-8 text");
        } catch (AccessDeniedException e) {
            throw invalidFile(file, "cannot be read: permission denied");
        } catch (IOException | SecurityException e) {
            throw invalidFile(file, "cannot be read: " + (Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage())));
        }
        return file.toString().endsWith(".json") ? fromJson(text) : fromYaml(text);
    }

    private static ValidationException invalidFile(Path file, String message) {
        return new ValidationException("IPAM config", Violations.of("IPAM config").add("file", file + " " + message).list());
    }

    private static IpamConfig fromTree(JsonNode root) {
        Violations v = Violations.of("IPAM config");
        List<NodeSubnet> subnets = new ArrayList<>();
        JsonNode nodes = root == null ? null : root.get("nodes");
        if (nodes == null || !nodes.isObject()) {
            v.add("nodes", "must be a map of node name to a list of subnets");
            v.throwIfAny();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String node = e.getKey();
            JsonNode list = e.getValue().isArray() ? e.getValue() : Json.mapper().createArrayNode().add(e.getValue());
            int i = 0;
            for (JsonNode s : list) {
                String at = "nodes." + node + "[" + i++ + "]";
                String cidr = s.path("subnet").asText(null);
                String gw = s.path("gateway").asText(null);
                boolean ok = true;
                if (Cidr.tryParse(cidr).isEmpty()) {
                    v.add(at + ".subnet", Cidr.problem(cidr));
                    ok = false;
                }
                if (gw != null && IpAddress.tryParse(gw).isEmpty()) {
                    v.add(at + ".gateway", "'" + gw + "' is not an IP address");
                    ok = false;
                }
                Map<Pool, IpRange> ranges = new EnumMap<>(Pool.class);
                for (Pool p : Pool.values()) {
                    String r = s.path(p.configName()).asText(null);
                    if (r == null) {
                        continue;
                    }
                    Optional<String> problem = IpRange.problem(r);
                    if (problem.isPresent()) {
                        v.add(at + "." + p.configName(), problem.get());
                        ok = false;
                    } else {
                        ranges.put(p, IpRange.parse(r));
                    }
                }
                for (Iterator<String> f = s.fieldNames(); f.hasNext(); ) {
                    String name = f.next();
                    if (!List.of("subnet", "gateway", "vms", "containers").contains(name)) {
                        v.add(at + "." + name, "is not a known field (subnet, gateway, vms, containers)");
                    }
                }
                if (ok) {
                    NodeSubnet.Builder nb = NodeSubnet.builder().node(node).cidr(Cidr.parse(cidr)).ranges(ranges);
                    if (gw != null) {
                        nb.gateway(IpAddress.parse(gw));
                    }
                    NodeSubnet ns = nb.build();
                    ns.problems().forEach(p -> v.add(at + "." + p.field(), p.message()));
                    subnets.add(ns);
                }
            }
        }
        v.throwIfAny();
        return new IpamConfig(subnets);
    }

    /** The subnets of {@code node}. */
    public List<NodeSubnet> subnetsOf(String node) {
        return subnets.stream().filter(s -> s.node().equals(node)).toList();
    }

    /** The subnet of {@code node} that contains {@code address}. */
    public Optional<NodeSubnet> subnetFor(String node, IpAddress address) {
        Objects.requireNonNull(address, "address");
        return subnetsOf(node).stream().filter(s -> s.cidr().contains(address)).findFirst();
    }
}
