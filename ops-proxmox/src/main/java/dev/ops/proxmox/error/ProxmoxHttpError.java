package dev.ops.proxmox.error;

/** What every error that came back from a Proxmox VE HTTP call carries, whatever ops-core type it extends. */
public interface ProxmoxHttpError {

    /** The failed call: status, method, path and Proxmox's message. */
    ProxmoxCall call();

    /** The HTTP status (Proxmox also uses 595/596 for errors between nodes). */
    default int status() {
        return call().status();
    }

    /** The HTTP method of the failed call. */
    default String method() {
        return call().method();
    }

    /** The concrete path of the failed call, e.g. {@code /nodes/pve/qemu/101/status/start}. */
    default String path() {
        return call().path();
    }

    /** The message Proxmox gave (the HTTP reason phrase or the body's message). */
    default String serverMessage() {
        return call().serverMessage();
    }
}
