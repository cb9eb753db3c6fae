package dev.ops.srv.unit;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/**
 * {@code systemd-analyze verify} found problems in a unit before it was installed: every line
 * that says "ignoring" (systemd exits 0 on unknown keys and bad values) and every error line, one
 * violation each on the field {@code unit}. Nothing was written.
 */
public class UnitVerificationException extends ValidationException {
    private final String unit;

    /** Problems {@code lines} in {@code unit}. */
    public UnitVerificationException(String unit, List<String> lines) {
        super("unit " + unit, lines.stream().map(l -> new Violation("unit", l)).toList());
        this.unit = unit;
    }

    /** The unit's name. */
    public String unit() {
        return unit;
    }
}
