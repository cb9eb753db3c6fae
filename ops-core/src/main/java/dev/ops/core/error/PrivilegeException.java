package dev.ops.core.error;

import java.util.List;

/** The caller lacks what a plan needs on a host: root, passwordless sudo, a capability. */
public class PrivilegeException extends OpsException {
    private final String host;
    private final List<String> missing;

    public PrivilegeException(String host, List<String> missing) {
        super("insufficient privileges on " + host + ": " + String.join("; ", missing), null, false);
        this.host = host;
        this.missing = List.copyOf(missing);
    }

    public String host() {
        return host;
    }

    /** Each missing privilege, described so that an operator knows what to grant. */
    public List<String> missing() {
        return missing;
    }
}
