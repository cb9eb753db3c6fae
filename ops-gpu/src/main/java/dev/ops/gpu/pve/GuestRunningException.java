package dev.ops.gpu.pve;

import dev.ops.core.error.ConflictException;

/** A change that needs the guest stopped found it running; retryable once it is stopped. */
public class GuestRunningException extends ConflictException {
    public GuestRunningException(String guest, String what) {
        super(guest, "is running; stop it before " + what, true);
    }
}
