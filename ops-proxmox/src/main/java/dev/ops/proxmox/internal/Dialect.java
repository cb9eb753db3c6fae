package dev.ops.proxmox.internal;

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
 * @param deflate whether answers are asked for deflated ({@code Accept-Encoding: deflate}): PBS
 *     compresses with deflate only, pveproxy with gzip only (which OkHttp asks for by itself)
 */
public record Dialect(String product, String tokenScheme, String tokenSeparator, String ticketCookie, boolean deflate) {
    /** Proxmox VE: {@code PVEAPIToken=user@realm!id=secret}, {@code PVEAuthCookie}, gzipped answers. */
    public static final Dialect PVE = new Dialect("Proxmox VE", "PVEAPIToken", "=", "PVEAuthCookie", false);
    /** Proxmox Backup Server: {@code PBSAPIToken=user@realm!id:secret}, {@code PBSAuthCookie}, deflated answers. */
    public static final Dialect PBS = new Dialect("Proxmox Backup Server", "PBSAPIToken", ":", "PBSAuthCookie", true);

    /** The {@code Authorization} header value of a token. */
    public String tokenHeader(Auth.Token token) {
        return tokenScheme + "=" + token.fullId() + tokenSeparator + token.secret().reveal();
    }
}
