package dev.ops.proxmox.error;

/**
 * The call needs a {@code root@pam} login ticket: Proxmox refuses API tokens for it ({@code allowtoken: 0})
 * or allows it to root only. Build a client with {@code login("root@pam", password)} for such calls.
 */
public class ProxmoxRootTicketRequiredException extends ProxmoxPermissionException {

    public ProxmoxRootTicketRequiredException(int status, String method, String path, String serverMessage) {
        super(status, method, path, serverMessage + " (this call needs a root@pam login ticket, API tokens are refused)", null, null);
    }
}
