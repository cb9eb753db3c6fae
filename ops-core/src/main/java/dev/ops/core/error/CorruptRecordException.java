package dev.ops.core.error;

/**
 * A stored record cannot be read: truncated, garbage, written in a format this version does not
 * know, or missing what it must have. Names the record's key and where it is kept (a file path, a
 * table row), so that an operator can look at it, repair it or move it away.
 */
public class CorruptRecordException extends OpsException {
    private final String key;
    private final String location;
    private final String reason;

    public CorruptRecordException(String key, String location, String reason, Throwable cause) {
        super("record " + key + " at " + location + " cannot be read: " + reason, cause, false);
        this.key = key;
        this.location = location;
        this.reason = reason;
    }

    public CorruptRecordException(String key, String location, String reason) {
        this(key, location, reason, null);
    }

    /** The store key of the record. */
    public String key() {
        return key;
    }

    /** Where the record is kept: a file path, a table and key. */
    public String location() {
        return location;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
