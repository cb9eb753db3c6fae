package dev.ops.core.audit;

import java.util.List;

/** Where audit records go. The default keeps them in the state store and logs them to {@code ops.audit}. */
public interface AuditLog {

    /** Records one step's outcome; must not throw for a well-formed record. */
    void record(AuditRecord record);

    /** Every record kept, oldest first. */
    List<AuditRecord> records();
}
