package dev.ops.pve.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a permission check of the Proxmox VE API schema ({@code permissions.check}) as a {@link Requirement}. */
public final class SchemaPermissionChecks {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private SchemaPermissionChecks() {}

    /** The requirement a check states for a call with {@code params}; NONE when the method has no check. */
    public static Requirement of(JsonNode methodInfo, Map<String, String> params) {
        JsonNode check = methodInfo.path("permissions").path("check");
        if (!check.isArray()) {
            return Requirement.NONE;
        }
        Requirement r = convert(check, params);
        return r == null ? Requirement.NONE : r;
    }

    private static Requirement convert(JsonNode check, Map<String, String> params) {
        String kind = check.get(0).asText();
        List<Requirement> parts = new ArrayList<>();
        switch (kind) {
            case "and", "or" -> {
                for (int i = 1; i < check.size(); i++) {
                    Requirement part = convert(check.get(i), params);
                    if (part != null) {
                        parts.add(part);
                    }
                }
                return kind.equals("and") ? Requirement.allOf(parts) : Requirement.oneOf(parts);
            }
            case "perm" -> {
                boolean any = false;
                for (int i = 3; i + 1 < check.size(); i += 2) {
                    String option = check.get(i).asText();
                    if (option.equals("any")) {
                        any = check.get(i + 1).asInt() == 1;
                    } else if (option.equals("require_param") && !params.containsKey(check.get(i + 1).asText())) {
                        return null; // this alternative only applies when the parameter is given
                    }
                }
                List<String> privileges = new ArrayList<>();
                check.get(2).forEach(p -> privileges.add(p.asText()));
                return new Requirement.Privileges(substitute(check.get(1).asText(), params), privileges, any);
            }
            default -> {
                return new Requirement.Unchecked(check.toString());
            }
        }
    }

    private static String substitute(String aclPath, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(aclPath);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(params.getOrDefault(m.group(1), "")));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
