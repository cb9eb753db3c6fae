package dev.ops.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.secret.Secret;
import dev.ops.core.store.InMemoryStateStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreAuditLogTest {

    @Test
    void aDamagedRecordIsLeftOutAndTheOthersAreRead() {
        InMemoryStateStore store = InMemoryStateStore.create();
        StoreAuditLog log = new StoreAuditLog(store);
        log.record(new AuditRecord(Instant.parse("2026-12-06T10:00:00Z"), "ci", "web-1", "a1", "change", "step", "touch x",
                AuditRecord.Outcome.APPLIED, ""));
        store.put("audit/2026-12-06/0000000000000000001-bad", "{not json".getBytes(StandardCharsets.UTF_8));

        assertThat(log.records()).extracting(AuditRecord::applyId).containsExactly("a1");
    }

    @Test
    void aRecordIsRedactedWhenItIsMadeSoThatNoSinkSeesTheSecret() {
        Secret s = Secret.of("audit-s3cret\"value");
        AuditRecord r = new AuditRecord(Instant.now(), "ci", "web-1", "a1", "change", "step",
                "write /etc/x\n+pass=" + s.reveal(), AuditRecord.Outcome.FAILED, "failed: " + s.reveal());

        assertThat(r.action()).doesNotContain("audit-s3cret").contains("***");
        assertThat(r.detail()).doesNotContain("audit-s3cret");
    }

    @Test
    void aRecordIsOneLineOfJsonWithEveryFieldAndNoSecret() {
        Secret s = Secret.of("json-s3cret");
        AuditRecord r = new AuditRecord(Instant.parse("2026-12-06T12:00:00Z"), "ci", "web-1", "a1", "change", "write /etc/motd",
                "file write", AuditRecord.Outcome.FAILED, "line one\nline two " + s.reveal());

        String json = r.toJson();

        assertThat(json).doesNotContain("\n").doesNotContain("json-s3cret").startsWith("{\"time\":\"2026-12-06T12:00:00Z\",\"actor\":\"ci\"")
                .contains("\"outcome\":\"FAILED\"").contains("\"detail\":\"line one\\nline two");
    }
}
