package dev.ops.srv.unit;

/** When systemd restarts a service's process after it exits ({@code Restart=}). */
public enum RestartPolicy {
    /** Never. */
    NO("no"),
    /** After a clean exit only. */
    ON_SUCCESS("on-success"),
    /** After an unclean exit, a signal, a timeout or a watchdog trip. */
    ON_FAILURE("on-failure"),
    /** After an unclean signal, a timeout or a watchdog trip. */
    ON_ABNORMAL("on-abnormal"),
    /** After a watchdog trip only. */
    ON_WATCHDOG("on-watchdog"),
    /** After an unclean signal only. */
    ON_ABORT("on-abort"),
    /** Always. */
    ALWAYS("always");

    private final String value;

    RestartPolicy(String value) {
        this.value = value;
    }

    /** The value as a unit file spells it. */
    public String value() {
        return value;
    }
}
