package dev.ops.pve.internal;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.OpsException;
import dev.ops.pve.error.PveAlreadyExistsException;
import dev.ops.pve.error.PveApiException;
import dev.ops.pve.error.PveInvalidParameterException;
import dev.ops.pve.error.PveLockedException;
import dev.ops.pve.error.PveNotFoundException;
import dev.ops.pve.error.PvePermissionException;
import dev.ops.pve.error.PveRootTicketRequiredException;
import dev.ops.pve.error.PveServerException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps a Proxmox error answer to the typed error a caller can act on. */
public final class ErrorClassifier {
    private static final Pattern LOCKED = Pattern.compile("(?i)(can't lock file|is locked|lock timeout|got timeout while trying to lock)");
    private static final Pattern EXISTS = Pattern.compile("(?i)(already exists|already in use|duplicate)");
    private static final Pattern MISSING = Pattern.compile("(?i)(does not exist|not found|no such|unable to find|not implemented)");
    private static final Pattern PERMISSION = Pattern.compile("Permission check failed \\(([^,)]+), ([^)]+)\\)");
    private static final Pattern ROOT_ONLY = Pattern.compile("(?i)(!= ?root@pam|root@pam only|only root|api tokens? (are )?not allowed|not allowed for api tokens?|token.*not allowed)");

    private ErrorClassifier() {}

    /** The typed error for an error answer; {@code read} says whether the call was a GET (5xx is then retryable). */
    public static OpsException classify(String endpoint, int status, String method, String path, String message,
            Map<String, String> fieldErrors, boolean read) {
        String msg = message == null || message.isBlank() ? "HTTP " + status : message.trim();
        if (status == 400 && !fieldErrors.isEmpty()) {
            return new PveInvalidParameterException(status, method, path, msg, fieldErrors);
        }
        if (status == 401) {
            return new AuthenticationException(endpoint, method + " " + path + " was refused (HTTP 401 " + msg
                    + "): check the user, realm, token id and secret, or the login ticket expired", null);
        }
        if (status == 403) {
            if (ROOT_ONLY.matcher(msg).find()) {
                return new PveRootTicketRequiredException(status, method, path, msg);
            }
            Matcher m = PERMISSION.matcher(msg);
            return m.find() ? new PvePermissionException(status, method, path, msg, m.group(1).trim(), m.group(2).trim())
                    : new PvePermissionException(status, method, path, msg, null, null);
        }
        if (LOCKED.matcher(msg).find()) {
            return new PveLockedException(status, method, path, msg);
        }
        if (EXISTS.matcher(msg).find()) {
            return new PveAlreadyExistsException(status, method, path, msg);
        }
        if (status == 404 || status == 501 || MISSING.matcher(msg).find()) {
            return new PveNotFoundException(status, method, path, msg);
        }
        if (status == 400) {
            return new PveInvalidParameterException(status, method, path, msg, fieldErrors);
        }
        if (status >= 500) {
            return new PveServerException(status, method, path, msg, read);
        }
        return new PveApiException(status, method, path, msg, fieldErrors, false);
    }
}
