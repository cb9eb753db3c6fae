package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The Proxmox VE API schema, parsed once per JVM into a routing trie of path segments.
 *
 * <p>Lookups split the request path on {@code /} and walk the trie: literal segments first, then the
 * single parameter child, so routing costs one map lookup per segment whatever the number of paths.
 */
public final class ApiSchema {

    /** Classpath location of the bundled schema. */
    public static final String RESOURCE = dev.ops.pve.schema.PveSchemaData.RESOURCE;

    private static volatile ApiSchema pve;
    private static volatile ApiSchema pve8;
    private static volatile ApiSchema pbs;

    private final PathNode root = new PathNode(null);
    private final Map<String, PathNode> byTemplate = new HashMap<>();
    private int endpointCount;

    private ApiSchema(JsonNode tree) {
        for (JsonNode node : tree) {
            add(node);
        }
    }

    /** The bundled PVE schema, loaded and indexed on first use. */
    public static ApiSchema pve() {
        ApiSchema s = pve;
        if (s == null) {
            synchronized (ApiSchema.class) {
                s = pve;
                if (s == null) {
                    s = load(RESOURCE);
                    pve = s;
                }
            }
        }
        return s;
    }

    /** The bundled PVE 8.4 schema, loaded and indexed on first use. */
    public static ApiSchema pve8() {
        ApiSchema s = pve8;
        if (s == null) {
            synchronized (ApiSchema.class) {
                s = pve8;
                if (s == null) {
                    s = load(dev.ops.pve.schema.PveSchemaData.RESOURCE_PVE8);
                    pve8 = s;
                }
            }
        }
        return s;
    }

    /** The bundled Proxmox Backup Server schema, loaded and indexed on first use. */
    public static ApiSchema pbs() {
        ApiSchema s = pbs;
        if (s == null) {
            synchronized (ApiSchema.class) {
                s = pbs;
                if (s == null) {
                    s = load(dev.ops.pve.schema.PveSchemaData.PBS_RESOURCE);
                    pbs = s;
                }
            }
        }
        return s;
    }

    /** The schema of the PVE major version a fake plays: 8 or 9. */
    public static ApiSchema forMajor(int major) {
        return switch (major) {
            case 8 -> pve8();
            case 9 -> pve();
            default -> throw new IllegalArgumentException("the fake plays PVE 8 or 9, not " + major);
        };
    }

    private static ApiSchema load(String resource) {
        try (InputStream raw = ApiSchema.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("schema resource missing from the classpath: " + resource);
            }
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return new ApiSchema(new ObjectMapper().readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private void add(JsonNode node) {
        String path = node.path("path").asText();
        PathNode walk = root;
        for (String seg : segments(path)) {
            walk = walk.child(seg);
        }
        PathNode target = walk;
        target.template = path;
        byTemplate.put(path, target);
        JsonNode info = node.path("info");
        info.fieldNames().forEachRemaining(m -> {
            target.endpoints.put(m, new Endpoint(path, m, info.get(m)));
            endpointCount++;
        });
        for (JsonNode child : node.path("children")) {
            add(child);
        }
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Every path template in the schema. */
    public java.util.Set<String> templates() {
        return java.util.Collections.unmodifiableSet(byTemplate.keySet());
    }

    /** Number of path+method pairs in the schema. */
    public int endpointCount() {
        return endpointCount;
    }

    /** The endpoint for an exact template and method, e.g. ("GET", "/cluster/resources"). */
    public Optional<Endpoint> endpoint(String method, String template) {
        PathNode n = byTemplate.get(template);
        return n == null ? Optional.empty() : Optional.ofNullable(n.endpoints.get(method));
    }

    /** Literal child segment names of a template (for directory index answers). */
    public List<String> literalChildren(String template) {
        PathNode n = byTemplate.get(template);
        return n == null ? List.of() : List.copyOf(n.literals.keySet());
    }

    /**
     * Routes a raw (still percent-encoded) path below the API prefix.
     *
     * @return the match, or empty when no schema path has this shape
     */
    public Optional<Route> route(String rawPath) {
        List<String> segs = segments(rawPath);
        Map<String, String> params = new HashMap<>();
        PathNode n = match(root, segs, 0, params);
        if (n == null || n.template == null) {
            return Optional.empty();
        }
        return Optional.of(new Route(n.template, Map.copyOf(params), n.endpoints));
    }

    private static PathNode match(PathNode node, List<String> segs, int i, Map<String, String> params) {
        if (i == segs.size()) {
            return node.template == null ? null : node;
        }
        String seg = segs.get(i);
        PathNode lit = node.literals.get(seg);
        if (lit != null) {
            PathNode hit = match(lit, segs, i + 1, params);
            if (hit != null) {
                return hit;
            }
        }
        if (node.param != null) {
            PathNode hit = match(node.param, segs, i + 1, params);
            if (hit != null) {
                params.put(node.param.paramName, Http.decode(seg));
                return hit;
            }
        }
        return null;
    }

    /** A routed request path: its template, decoded path parameters and the methods defined there. */
    public record Route(String template, Map<String, String> pathParams, Map<String, Endpoint> endpoints) {}

    private static final class PathNode {
        final Map<String, PathNode> literals = new HashMap<>();
        final Map<String, Endpoint> endpoints = new HashMap<>(4);
        final String paramName;
        PathNode param;
        String template;

        PathNode(String paramName) {
            this.paramName = paramName;
        }

        PathNode child(String seg) {
            if (seg.startsWith("{") && seg.endsWith("}")) {
                String name = seg.substring(1, seg.length() - 1);
                if (param == null) {
                    param = new PathNode(name);
                } else if (!param.paramName.equals(name)) {
                    throw new IllegalStateException("two parameter names at one path level: " + param.paramName + ", " + name);
                }
                return param;
            }
            return literals.computeIfAbsent(seg, s -> new PathNode(null));
        }
    }
}
