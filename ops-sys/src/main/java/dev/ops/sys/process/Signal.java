package dev.ops.sys.process;

/** The signals ops sends, by name; {@link #CHECK} (signal 0) only tests that the process exists and may be signalled. */
public enum Signal {
    /** Signal 0: no signal, just the existence and permission check. */
    CHECK(0),
    /** Hang up; many daemons reload their configuration. */
    HUP(1),
    /** Interrupt. */
    INT(2),
    /** Quit with a core dump. */
    QUIT(3),
    /** Kill; cannot be caught. */
    KILL(9),
    /** User signal 1. */
    USR1(10),
    /** User signal 2. */
    USR2(12),
    /** Terminate politely. */
    TERM(15),
    /** Continue a stopped process. */
    CONT(18),
    /** Stop; cannot be caught. */
    STOP(19);

    private final int number;

    Signal(int number) {
        this.number = number;
    }

    /** The signal number on Linux x86-64 and arm64. */
    public int number() {
        return number;
    }
}
