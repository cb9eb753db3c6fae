package dev.ops.srv.haproxy;

import dev.ops.core.text.AsciiNumbers;
import java.util.Map;
import java.util.Objects;

/**
 * One server of a backend as {@code show stat} reports it.
 *
 * @param backend the backend ({@code pxname})
 * @param server the server ({@code svname})
 * @param status {@code UP}, {@code DOWN}, {@code DRAIN}, {@code MAINT}, {@code no check}, or a transition such as {@code UP 1/3}
 * @param weight the effective weight
 * @param currentSessions sessions now ({@code scur})
 * @param totalSessions sessions so far ({@code stot})
 * @param responses HTTP responses so far, of every class ({@code hrsp_1xx} to {@code hrsp_5xx} and {@code hrsp_other}); 0 for TCP backends
 * @param responses5xx HTTP 5xx responses so far ({@code hrsp_5xx}); 0 for TCP backends
 * @param checkStatus the last health check's status ({@code check_status}), or empty
 */
public record ServerStat(String backend, String server, String status, int weight, long currentSessions, long totalSessions,
        long responses, long responses5xx, String checkStatus) {

    public ServerStat {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkStatus, "checkStatus");
    }

    /** A row of {@code show stat}, keyed by its header's column names. */
    public static ServerStat of(Map<String, String> row) {
        return new ServerStat(row.getOrDefault("pxname", ""), row.getOrDefault("svname", ""), row.getOrDefault("status", ""),
                (int) number(row.get("weight")), number(row.get("scur")), number(row.get("stot")),
                number(row.get("hrsp_1xx")) + number(row.get("hrsp_2xx")) + number(row.get("hrsp_3xx")) + number(row.get("hrsp_4xx"))
                        + number(row.get("hrsp_5xx")) + number(row.get("hrsp_other")),
                number(row.get("hrsp_5xx")),
                row.getOrDefault("check_status", ""));
    }

    private static long number(String s) {
        try {
            return s == null || s.isEmpty() ? 0 : AsciiNumbers.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the server takes new traffic: up (or without checks), neither drained nor in maintenance, and with a weight above 0. */
    public boolean takesTraffic() {
        return (status.startsWith("UP") || status.equals("no check")) && !status.contains("DRAIN") && !status.contains("MAINT") && weight > 0;
    }

    /**
     * Whether HAProxy sees the server as healthy: fully up (also while drained, when checks still run), not in
     * maintenance, not in a transition ({@code UP 1/3} is going down), and its last check, if any, passed.
     */
    public boolean healthy() {
        boolean up = status.equals("UP") || status.equals("DRAIN") || status.equals("no check");
        return up && (checkStatus.isEmpty() || checkStatus.endsWith("OK"));
    }

    /** The administrative state to put back: {@code maint}, {@code drain} or {@code ready}. */
    public String adminState() {
        return status.contains("MAINT") ? "maint" : status.contains("DRAIN") ? "drain" : "ready";
    }
}
