package dev.ops.sto.smb;

import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import java.util.List;

/** {@code testparm -s} failed to load the smb.conf a change would install, or warned about it in ways the current one does not. */
public class SmbConfigException extends ValidationException {
    private final List<String> problems;

    public SmbConfigException(String share, List<String> problems) {
        super("smb.conf with share " + share, List.of(new Violation("share", "testparm -s: " + String.join("; ", problems))));
        this.problems = List.copyOf(problems);
    }

    /** What testparm said, one line each. */
    public List<String> problems() {
        return problems;
    }
}
