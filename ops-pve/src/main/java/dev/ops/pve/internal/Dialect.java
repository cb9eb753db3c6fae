package dev.ops.pve.internal;

/**
 * What differs on the wire between the Proxmox products that share this transport: how an API token
 * is sent and which cookie carries the login ticket. Everything else (the {@code /api2/json}
 * envelope, CSRF token, task endpoints, error answers) is the same in Proxmox VE and Proxmox Backup
 * Server.
 *
 * @param product the product's name, for messages
 * @param tokenScheme the {@code Authorization} scheme of an API token, e.g. {@code PVEAPIToken}
 * @param tokenSeparator what separates the token id from its secret: {@code =} in PVE, {@code :} in PBS
 * @param ticketCookie the cookie that carries the ticket, e.g. {@code PVEAuthCookie}
 */
public record Dialect(String product, String tokenScheme, String tokenSeparator, String ticketCookie) {
    /** Proxmox VE: {@code PVEAPIToken=user@realm!id=secret}, {@code PVEAuthCookie}. */
    public static final Dialect PVE = new Dialect("Proxmox VE", "PVEAPIToken", "=", "PVEAuthCookie");
    /** Proxmox Backup Server: {@code PBSAPIToken=user@realm!id:secret}, {@code PBSAuthCookie}. */
    public static final Dialect PBS = new Dialect("Proxmox Backup Server", "PBSAPIToken", ":", "PBSAuthCookie");

    /** The {@code Authorization} header value of a token. */
    public String tokenHeader(Auth.Token token) {
        return tokenScheme + "=" + token.fullId() + tokenSeparator + token.secret().reveal();
    }
}
