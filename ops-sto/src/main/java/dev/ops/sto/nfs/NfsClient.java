package dev.ops.sto.nfs;

import dev.ops.core.error.Violations;
import java.util.List;
import java.util.Objects;

/**
 * One client of an export and its options: {@code 192.168.2.0/24(rw,sync,no_subtree_check)}.
 *
 * @param host a host name, address, CIDR network, wildcard ({@code *.lab.example}), {@code @netgroup} or {@code *}
 * @param options the options, e.g. {@code rw}, {@code sync}, {@code sec=sys}; empty for exportfs's defaults
 */
public record NfsClient(String host, List<String> options) {

    public NfsClient {
        Objects.requireNonNull(host, "host");
        options = List.copyOf(options);
        Violations v = Violations.of("nfs client");
        check(v, "host", host, options);
        v.throwIfAny();
    }

    /** A client with options. */
    public static NfsClient of(String host, String... options) {
        return new NfsClient(host, List.of(options));
    }

    /** Adds a violation of {@code field} for every problem with this client. */
    static void check(Violations v, String field, String host, List<String> options) {
        v.checkText(host, field, h -> h.matches("[A-Za-z0-9*?.:@/_\\[\\]-]+"),
                "'" + host + "' is not a client (host, address, network, wildcard, @netgroup or *): no spaces, parentheses, commas or quotes");
        for (String o : options) {
            v.check(o.matches("[A-Za-z_][A-Za-z0-9_]*(=[A-Za-z0-9_.:/@+-]+)?"), field + ".options", "'" + o + "' is not an export option");
        }
    }

    /** As {@code /etc/exports} writes it. */
    public String render() {
        return options.isEmpty() ? host : host + "(" + String.join(",", options) + ")";
    }
}
