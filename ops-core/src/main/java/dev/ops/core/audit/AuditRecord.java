package dev.ops.core.audit;

import dev.ops.core.secret.Redactor;
import java.time.Instant;

/**
 * One applied or undone step: who, where, what, the outcome and when. Every text is redacted when
 * the record is made, so that no sink (log line, stored record, custom {@link AuditLog}) ever
 * receives a secret.
 */
public record AuditRecord(Instant time, String actor, String target, String applyId, String change, String step,
        String action, Outcome outcome, String detail) {

    public AuditRecord {
        Redactor r = Redactor.global();
        actor = r.redact(actor);
        target = r.redact(target);
        change = r.redact(change);
        step = r.redact(step);
        action = r.redact(action);
        detail = r.redact(detail);
    }

    /**
     * This record as one line of JSON (fields in the order of the record's components, {@code time} as ISO-8601),
     * the form the {@code ops.audit} logger writes, for log shippers that read JSON lines.
     */
    public String toJson() {
        return new String(dev.ops.core.json.internal.Json.write(this), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** How a step ended. */
    public enum Outcome {
        APPLIED, FAILED, UNDONE, UNDO_FAILED
    }
}
