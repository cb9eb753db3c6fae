package dev.ops.core.audit;

import dev.ops.core.error.OpsException;
import dev.ops.core.json.internal.Json;
import dev.ops.core.store.StateStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps audit records under {@code audit/DAY/} in a state store and logs each one at INFO to {@code ops.audit}, as
 * one line of JSON ({@link AuditRecord#toJson()}).
 */
public final class StoreAuditLog implements AuditLog {
    private static final Logger AUDIT = LoggerFactory.getLogger("ops.audit");
    private static final Logger LOG = LoggerFactory.getLogger(StoreAuditLog.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final StateStore store;

    public StoreAuditLog(StateStore store) {
        this.store = store;
    }

    @Override
    public void record(AuditRecord r) {
        if (AUDIT.isInfoEnabled()) {
            AUDIT.info("{}", r.toJson());
        }
        String key = "audit/" + DAY.format(r.time()) + "/" + String.format("%019d", r.time().toEpochMilli() * 1000
                + r.time().getNano() / 1000 % 1000) + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        store.put(key, Json.write(r));
    }

    @Override
    /** Every readable record, oldest first; one that cannot be read is left out and logged with its key and location. */
    public List<AuditRecord> records() {
        StateStore.Scan scan = store.scan("audit/");
        List<AuditRecord> out = new ArrayList<>();
        for (StateStore.Entry e : scan.entries()) {
            try {
                out.add(Json.read(e.value().value(), AuditRecord.class));
            } catch (OpsException unreadable) {
                LOG.warn("audit record {} ({}) cannot be read and is left out: {}", e.key(), store.locationOf(e.key()), unreadable.getMessage());
            }
        }
        scan.unreadable().forEach(u -> LOG.warn("audit record {} ({}) cannot be read and is left out: {}", u.key(), u.location(), u.reason()));
        return out;
    }
}
