package dev.ops.proxmox.error;

/**
 * The failed call an error came from: HTTP status, method, concrete path and Proxmox's message.
 *
 * @param status the HTTP status (Proxmox also uses 595/596 for errors between nodes)
 * @param method the HTTP method
 * @param path the concrete path, e.g. {@code /nodes/pve/qemu/101/status/start}
 * @param serverMessage the message Proxmox gave (the reason phrase or the body's message)
 */
public record ProxmoxCall(int status, String method, String path, String serverMessage) {}
