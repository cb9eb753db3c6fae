package dev.ops.lab.cli;

/** The {@code ops} command's exit codes, by outcome. */
public enum ExitCode {
    /** Done; the runway is clear. */
    OK(0),
    /** The runway has failing checks, or an apply, rollback or recovery failed. */
    FAILED(1),
    /** Bad usage or bad input (a site file, an argument): nothing was done. */
    INVALID(2),
    /** A saved plan no longer matches what would be done now: nothing was done. */
    STALE(3),
    /** A policy refused (a prohibited action, self-protection, or approval not given): nothing was done. */
    REFUSED(4),
    /** Something named does not exist (a secret, a guest, a journal record). */
    NOT_FOUND(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
