package dev.ops.proxmox.error;

import java.util.Map;
import java.util.Optional;

/**
 * Proxmox refused the call for missing privileges (HTTP 403); names the ACL path and privilege where
 * Proxmox said them ({@code Permission check failed (/vms/100, VM.PowerMgmt)}).
 */
public class ProxmoxPermissionException extends ProxmoxApiException {
    private final String aclPath;
    private final String privilege;

    public ProxmoxPermissionException(int status, String method, String path, String serverMessage, String aclPath, String privilege) {
        super(status, method, path, serverMessage + (privilege == null ? "" : " (grant " + privilege + " on " + aclPath + ")"),
                Map.of(), false);
        this.aclPath = aclPath;
        this.privilege = privilege;
    }

    /** The ACL path the check failed on, e.g. {@code /vms/100}. */
    public Optional<String> aclPath() {
        return Optional.ofNullable(aclPath);
    }

    /** The missing privilege, e.g. {@code VM.PowerMgmt}. */
    public Optional<String> privilege() {
        return Optional.ofNullable(privilege);
    }
}
