package dev.ops.testkit.pve.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Evaluates a schema {@code permissions} object the way {@code PVE::RPCEnvironment::check_api_permission} does. */
final class Permissions {

    private Permissions() {}

    /** Whether the endpoint needs no authentication ({@code user: world}). */
    static boolean world(Endpoint ep) {
        return "world".equals(ep.permissions().path("user").asText());
    }

    /**
     * Checks a principal against an endpoint's permissions.
     *
     * @return null when allowed, or the {@code (path, privilege)} text PVE puts in its 403 message
     */
    static String check(Endpoint ep, Auth auth, Auth.Principal p, Map<String, String> params) {
        JsonNode perms = ep.permissions();
        if (perms.isMissingNode() || perms.isEmpty()) {
            return "root@pam".equals(p.userid()) ? null : "/, root only";
        }
        JsonNode check = perms.get("check");
        if (check == null) {
            return null; // "user: all" or description-only: the handler itself filters
        }
        return eval(check, auth, p, params);
    }

    private static String eval(JsonNode expr, Auth auth, Auth.Principal p, Map<String, String> params) {
        String op = expr.path(0).asText();
        switch (op) {
            case "and" -> {
                for (int i = 1; i < expr.size(); i++) {
                    String fail = eval(expr.get(i), auth, p, params);
                    if (fail != null) {
                        return fail;
                    }
                }
                return null;
            }
            case "or" -> {
                String first = null;
                for (int i = 1; i < expr.size(); i++) {
                    String fail = eval(expr.get(i), auth, p, params);
                    if (fail == null) {
                        return null;
                    }
                    if (first == null) {
                        first = fail;
                    }
                }
                return first;
            }
            case "perm" -> {
                return perm(expr, auth, p, params);
            }
            case "perm-modify" -> {
                String path = substitute(expr.path(1).asText(), params);
                Set<String> have = auth.privileges(p, path == null ? "/" : path);
                return have.contains("Permissions.Modify") ? null : "(" + path + ", Permissions.Modify)";
            }
            default -> {
                // userid-param / userid-group: user administration, allowed for those who may modify users
                Set<String> have = auth.privileges(p, "/access/groups");
                return have.contains("User.Modify") || have.contains("Sys.Audit") || "root@pam".equals(p.userid())
                        ? null : "(/access, User.Modify)";
            }
        }
    }

    private static String perm(JsonNode expr, Auth auth, Auth.Principal p, Map<String, String> params) {
        String template = expr.path(1).asText();
        List<String> privs = new ArrayList<>();
        expr.path(2).forEach(x -> privs.add(x.asText()));
        boolean any = false;
        for (int i = 3; i + 1 < expr.size(); i += 2) {
            String key = expr.get(i).asText();
            if (key.equals("any")) {
                any = expr.get(i + 1).asInt() == 1;
            } else if (key.equals("require_param") && !params.containsKey(expr.get(i + 1).asText())) {
                return "(" + template + ", " + String.join(", ", privs) + ")";
            }
        }
        String path = substitute(template, params);
        if (path == null) {
            return "(" + template + ", " + String.join(", ", privs) + ")";
        }
        Set<String> have = auth.privileges(p, path);
        if (any) {
            for (String priv : privs) {
                if (have.contains(priv)) {
                    return null;
                }
            }
            return "(" + path + ", " + String.join(" | ", privs) + ")";
        }
        for (String priv : privs) {
            if (!have.contains(priv)) {
                return "(" + path + ", " + priv + ")";
            }
        }
        return null;
    }

    private static String substitute(String template, Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                sb.append(template, i, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            sb.append(template, i, open);
            String v = params.get(template.substring(open + 1, close));
            if (v == null) {
                return null;
            }
            sb.append(v);
            i = close + 1;
        }
        return sb.toString();
    }
}
