package dev.ops.testkit.pve;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake server received, with the parameters it decoded and the status it answered.
 *
 * @param method the HTTP method
 * @param path the request path below {@code /api2/json}, without the query
 * @param template the schema path template it routed to, or empty when none matched
 * @param params decoded query and body parameters (repeated keys joined with {@code ,}); the values of
 *     password-like parameters ({@code password}, {@code tfa-challenge}, ...) are shown as {@code *****}
 * @param principal who sent it ({@code user@realm}, {@code user@realm!token}) or empty
 * @param status the HTTP status answered (0 when the fault injected no answer)
 * @param headers the request headers, names in lower case (a repeated header's values joined with {@code , })
 */
public record RecordedCall(String method, String path, String template, Map<String, String> params,
        String principal, int status, Map<String, String> headers) {

    /** Copies the parameters and headers. */
    public RecordedCall {
        params = Map.copyOf(params);
        headers = Map.copyOf(headers);
    }

    /** A parameter's value, or empty when it was not sent. */
    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /** A header's value (the name in any case), or empty when it was not sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
}
