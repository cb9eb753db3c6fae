package dev.ops.testkit.pve.internal;

import dev.ops.core.text.AsciiNumbers;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validated, authenticated request as a handler sees it.
 *
 * @param endpoint the schema endpoint
 * @param params path, query and body parameters (lists joined with {@code ,}; booleans as 0/1)
 * @param principal who sent it, null for unauthenticated calls such as {@code POST /access/ticket}
 * @param uploadSize the byte count of an uploaded file part, or -1
 */
public record Call(Endpoint endpoint, Map<String, String> params, Auth.Principal principal, long uploadSize) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    /** {@code template} with each {@code {name}} replaced by this call's parameter of that name. */
    public String expand(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder concrete = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(concrete, Matcher.quoteReplacement(req(m.group(1))));
        }
        m.appendTail(concrete);
        return concrete.toString();
    }

    /** The names of a path template's placeholders, e.g. {@code [node, vmid]}. */
    public static Set<String> placeholders(String template) {
        Set<String> out = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** A parameter or null. */
    public String get(String name) {
        return params.get(name);
    }

    /** A required parameter (the validator has already checked presence). */
    public String req(String name) {
        String v = params.get(name);
        if (v == null) {
            throw ApiError.param(name, "property is missing and it is not optional");
        }
        return v;
    }

    /** An integer parameter. */
    public int integer(String name) {
        return AsciiNumbers.parseInt(req(name));
    }

    /** An integer parameter or a default. */
    public int integer(String name, int dflt) {
        String v = params.get(name);
        return v == null ? dflt : AsciiNumbers.parseInt(v);
    }

    /** A PVE boolean parameter (0/1) or a default. */
    public boolean flag(String name, boolean dflt) {
        String v = params.get(name);
        return v == null ? dflt : "1".equals(v);
    }

    /** Whether the parameter was sent. */
    public boolean has(String name) {
        return params.containsKey(name);
    }

    /** The principal's id as written in UPIDs ({@code root@pam} or {@code root@pam!ops}). */
    public String user() {
        return principal == null ? "root@pam" : principal.id();
    }

    /** The {@code node} path parameter. */
    public String node() {
        return req("node");
    }
}
