package dev.ops.srv.unit;

/** How systemd tells that a service finished starting ({@code Type=}). */
public enum ServiceType {
    /** Started as soon as the main process is forked. */
    SIMPLE("simple"),
    /** Started once the main process was executed. */
    EXEC("exec"),
    /** Started when the parent process exits, leaving a daemon. */
    FORKING("forking"),
    /** Runs to completion; started when it exits. */
    ONESHOT("oneshot"),
    /** Started when the program sends {@code READY=1} through sd_notify. */
    NOTIFY("notify");

    private final String value;

    ServiceType(String value) {
        this.value = value;
    }

    /** The value as a unit file spells it. */
    public String value() {
        return value;
    }
}
