package dev.ops.proxmox.internal;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.OpsException;
import dev.ops.proxmox.error.ProxmoxAlreadyExistsException;
import dev.ops.proxmox.error.ProxmoxApiException;
import dev.ops.proxmox.error.ProxmoxInvalidParameterException;
import dev.ops.proxmox.error.ProxmoxLockedException;
import dev.ops.proxmox.error.ProxmoxNotFoundException;
import dev.ops.proxmox.error.ProxmoxPermissionException;
import dev.ops.proxmox.error.ProxmoxRootTicketRequiredException;
import dev.ops.proxmox.error.ProxmoxServerException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Proxmox error answer to the typed error a caller can act on, by its real text. The text is
 * the body's {@code message} where the server sends one (PVE 8.3 and newer; behind a reverse proxy
 * the reason phrase is only the generic one), else the reason phrase (PVE 6 and 7 put it only
 * there); both are kept in the error's message when they differ.
 *
 * <p>Server errors are retried only where a retry can succeed: a read answered 500 whose text is not
 * one of the known permanent ones, and 502/503/504 from a proxy in front of pveproxy. The error says
 * which rule decided ({@link ProxmoxServerException#rule()}).
 */
public final class ErrorClassifier {
    private static final Pattern LOCKED = Pattern.compile("(?i)(can't lock file|is locked|lock timeout|got timeout while trying to lock)");
    private static final Pattern EXISTS = Pattern.compile("(?i)(already exists|already in use|duplicate)");
    private static final Pattern MISSING = Pattern.compile("(?i)(does not exist|not found|no such|unable to find|not implemented)");
    private static final Pattern PERMISSION = Pattern.compile("Permission check failed \\(([^,)]+), ([^)]+)\\)");
    private static final Pattern ROOT_ONLY = Pattern.compile("(?i)(!= ?root@pam|root@pam only|only root|api tokens? (are )?not allowed|not allowed for api tokens?|token.*not allowed)");
    /** Answers of a 500 that the same request gets again: the guest's or the server's state, not a passing failure. */
    private static final Pattern PERMANENT = Pattern.compile("(?i)(qemu guest agent is not running|guest agent is not running|qemu guest agent|is not running|not running"
            + "|already running|is a template|not supported|unable to parse|parameter verification failed|permission|not allowed"
            + "|configuration file)");
    private static final Pattern GENERIC_REASON = Pattern.compile("(?i)(internal server error|bad gateway|service unavailable|gateway timeout"
            + "|bad request|forbidden|not found|unauthorized|method not allowed|conflict|not implemented)?");

    private ErrorClassifier() {}

    /**
     * The typed error for an error answer. {@code reason} is the HTTP reason phrase, {@code bodyMessage}
     * the body's {@code message} (either may be null or blank); {@code read} says whether the call was
     * a GET.
     */
    public static OpsException classify(String endpoint, int status, String method, String path, String reason, String bodyMessage,
            Map<String, String> fieldErrors, boolean read) {
        String msg = message(status, reason, bodyMessage);
        if (status == 400 && !fieldErrors.isEmpty()) {
            return new ProxmoxInvalidParameterException(status, method, path, msg, fieldErrors);
        }
        if (status == 401) {
            return new AuthenticationException(endpoint, method + " " + path + " was refused (HTTP 401 " + msg
                    + "): check the user, realm, token id and secret, or the login ticket expired", null);
        }
        Matcher permission = PERMISSION.matcher(msg);
        if (status == 403 || permission.find()) {
            if (ROOT_ONLY.matcher(msg).find()) {
                return new ProxmoxRootTicketRequiredException(status, method, path, msg);
            }
            permission.reset();
            return permission.find() ? new ProxmoxPermissionException(status, method, path, msg, permission.group(1).trim(), permission.group(2).trim())
                    : new ProxmoxPermissionException(status, method, path, msg, null, null);
        }
        if (LOCKED.matcher(msg).find()) {
            return new ProxmoxLockedException(status, method, path, msg);
        }
        if (EXISTS.matcher(msg).find()) {
            return new ProxmoxAlreadyExistsException(status, method, path, msg);
        }
        if (status == 404 || status == 501 || MISSING.matcher(msg).find()) {
            return new ProxmoxNotFoundException(status, method, path, msg);
        }
        if (status == 400) {
            return new ProxmoxInvalidParameterException(status, method, path, msg, fieldErrors);
        }
        if (status >= 500) {
            return serverError(status, method, path, msg, read);
        }
        return new ProxmoxApiException(status, method, path, msg, fieldErrors, false);
    }

    /** The same, for callers that have one text only (the reason phrase or the body's message). */
    public static OpsException classify(String endpoint, int status, String method, String path, String message,
            Map<String, String> fieldErrors, boolean read) {
        return classify(endpoint, status, method, path, message, null, fieldErrors, read);
    }

    /** The body's message where there is one, with a reason phrase that says more than its status beside it. */
    static String message(int status, String reason, String bodyMessage) {
        String body = bodyMessage == null ? "" : bodyMessage.trim();
        String phrase = reason == null ? "" : reason.trim();
        if (body.isEmpty()) {
            return phrase.isEmpty() ? "HTTP " + status : phrase;
        }
        if (phrase.isEmpty() || body.contains(phrase) || GENERIC_REASON.matcher(phrase).matches()) {
            return body;
        }
        return body + " (reason phrase: " + phrase + ")";
    }

    private static ProxmoxServerException serverError(int status, String method, String path, String msg, boolean read) {
        Matcher permanent = PERMANENT.matcher(msg);
        if (permanent.find()) {
            return new ProxmoxServerException(status, method, path, msg, false,
                    "permanent: the text says '" + permanent.group(1) + "', which a retry gets again");
        }
        if (status == 502 || status == 503 || status == 504) {
            return read ? new ProxmoxServerException(status, method, path, msg, true, "transient: HTTP " + status + " from a proxy or a busy server")
                    : new ProxmoxServerException(status, method, path, msg, false,
                            "not retried: HTTP " + status + " on a write, which may have reached the server");
        }
        return read ? new ProxmoxServerException(status, method, path, msg, true, "transient: HTTP " + status + " on a read, whose text is not a known permanent one")
                : new ProxmoxServerException(status, method, path, msg, false, "not retried: HTTP " + status + " on a write");
    }
}
