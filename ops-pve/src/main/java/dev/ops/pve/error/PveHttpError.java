package dev.ops.pve.error;

/** What every error that came back from a Proxmox VE HTTP call carries, whatever ops-core type it extends. */
public interface PveHttpError {

    /** The HTTP status (Proxmox also uses 595/596 for errors between nodes). */
    int status();

    /** The HTTP method of the failed call. */
    String method();

    /** The concrete path of the failed call, e.g. {@code /nodes/pve/qemu/101/status/start}. */
    String path();

    /** The message Proxmox gave (the HTTP reason phrase or the body's message). */
    String serverMessage();
}
