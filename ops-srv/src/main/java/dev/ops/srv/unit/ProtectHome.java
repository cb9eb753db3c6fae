package dev.ops.srv.unit;

/** How a service sees {@code /home}, {@code /root} and {@code /run/user} ({@code ProtectHome=}). */
public enum ProtectHome {
    /** Empty and inaccessible. */
    YES("yes"),
    /** Read-only. */
    READ_ONLY("read-only"),
    /** An empty tmpfs over each. */
    TMPFS("tmpfs");

    private final String value;

    ProtectHome(String value) {
        this.value = value;
    }

    /** The value as a unit file spells it. */
    public String value() {
        return value;
    }
}
