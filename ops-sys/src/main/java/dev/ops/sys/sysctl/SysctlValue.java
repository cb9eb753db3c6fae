package dev.ops.sys.sysctl;

import java.util.Optional;

/**
 * A sysctl key's live value, and the drop-in file that persists it, if a change wrote one.
 *
 * @param key the key, dotted
 * @param value the live value, whitespace normalized
 * @param dropIn the drop-in file under /etc/sysctl.d that persists it; empty when not persisted
 */
public record SysctlValue(String key, String value, String dropIn) {

    /** The drop-in file, when the value is persisted. */
    public Optional<String> persistedIn() {
        return dropIn.isEmpty() ? Optional.empty() : Optional.of(dropIn);
    }
}
