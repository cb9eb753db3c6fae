package dev.ops.testkit.pve;

import java.util.Map;

/**
 * One request the fake server received, with the parameters it decoded and the status it answered.
 *
 * @param method the HTTP method
 * @param path the request path below {@code /api2/json}, without the query
 * @param template the schema path template it routed to, or empty when none matched
 * @param params decoded query and body parameters (repeated keys joined with {@code ,})
 * @param principal who sent it ({@code user@realm}, {@code user@realm!token}) or empty
 * @param status the HTTP status answered (0 when the fault injected no answer)
 */
public record RecordedCall(String method, String path, String template, Map<String, String> params,
        String principal, int status) {

    /** Copies the parameters. */
    public RecordedCall {
        params = Map.copyOf(params);
    }
}
