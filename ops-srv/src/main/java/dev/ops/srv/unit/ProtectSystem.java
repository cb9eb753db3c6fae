package dev.ops.srv.unit;

/** Which parts of the file system a service sees read-only ({@code ProtectSystem=}). */
public enum ProtectSystem {
    /** {@code /usr} and {@code /boot} read-only. */
    YES("yes", "/usr", "/boot", "/efi"),
    /** Also {@code /etc} read-only. */
    FULL("full", "/usr", "/boot", "/efi", "/etc"),
    /** The whole file system read-only except {@code /dev}, {@code /proc}, {@code /sys} and ReadWritePaths. */
    STRICT("strict", "/");

    private final String value;
    private final java.util.List<String> readOnly;

    ProtectSystem(String value, String... readOnly) {
        this.value = value;
        this.readOnly = java.util.List.of(readOnly);
    }

    /** The value as a unit file spells it. */
    public String value() {
        return value;
    }

    /** The trees this setting makes read-only. */
    public java.util.List<String> readOnlyTrees() {
        return readOnly;
    }
}
