package dev.ops.lab.runway;

import java.util.Objects;

/**
 * One check of the runway and how it went.
 *
 * @param subject what was checked ({@code secret PM_TOKEN_SECRET}, {@code node pve2}, {@code privilege VM.Clone on /vms})
 * @param ok whether it passed
 * @param message what was found
 */
public record RunwayCheck(String subject, boolean ok, String message) {
    public RunwayCheck {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return (ok ? "ok   " : "FAIL ") + subject + (message.isEmpty() ? "" : ": " + message);
    }
}
