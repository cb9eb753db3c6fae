package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.AuthenticationException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading a PBS: datastores, space, namespaces, groups and snapshots, through the PBS dialect of the shared transport. */
class PbsReadsTest {
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    @Test
    void datastoresAreListedByNameWithTheirSpace() {
        pbs.datastore("store2");
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-01T00:00:00Z");

        assertThat(client.datastores()).extracting(DatastoreSummary::name).containsExactly("store1", "store2");
        DatastoreStatus status = client.datastore("store1").status();
        assertThat(status.total()).isEqualTo(1L << 40);
        assertThat(status.used()).isEqualTo(1L << 30);
        assertThat(status.available()).isEqualTo((1L << 40) - (1L << 30));
    }

    @Test
    void namespacesIncludeTheRootAndAreInPathOrder() {
        pbs.datastore("store1").namespace("prod/db").namespace("dev");

        assertThat(client.datastore("store1").namespaces()).extracting(Namespace::path).containsExactly("", "dev", "prod", "prod/db");
    }

    @Test
    void aSnapshotListIsReadWhateverTheOrderOfEachEntrysFieldsAndTheirOddValues() {
        java.util.Map<String, Object> first = new java.util.LinkedHashMap<>();
        first.put("backup-type", "vm");
        first.put("backup-id", "100");
        first.put("backup-time", 1767225600L);
        first.put("files", java.util.List.of(java.util.Map.of("filename", "index.json.blob"), java.util.Map.of("filename", "drive-scsi0.img.fidx")));
        first.put("size", 42);
        first.put("owner", "root@pam");
        first.put("verification", java.util.Map.of("state", "ok", "upid", "UPID:x"));
        java.util.Map<String, Object> reordered = new java.util.LinkedHashMap<>();
        reordered.put("owner", "backup@pbs");
        reordered.put("new-field", java.util.Map.of("nested", java.util.List.of(1, 2)));
        reordered.put("backup-time", "1767312000");
        reordered.put("backup-id", "100");
        reordered.put("protected", 1);
        reordered.put("backup-type", "vm");
        reordered.put("files", java.util.List.of("index.json.blob"));
        reordered.put("comment", "nightly");
        reordered.put("fingerprint", null);
        java.util.Map<String, Object> sparse = new java.util.LinkedHashMap<>();
        sparse.put("backup-id", "7");
        sparse.put("backup-type", "ct");
        sparse.put("backup-time", 1767225600L);
        sparse.put("size", null);
        sparse.put("verification", "odd");
        pbs.answerNext("GET", "/admin/datastore/{store}/snapshots", dev.ops.testkit.pve.PveAnswer.data(java.util.List.of(first, reordered, sparse)));
        pbs.datastore("store1");

        var snaps = client.datastore("store1").snapshots(Namespace.root());

        assertThat(snaps).extracting(s -> s.ref().path()).containsExactly(
                "ct/7/2026-01-01T00:00:00Z", "vm/100/2026-01-02T00:00:00Z", "vm/100/2026-01-01T00:00:00Z");
        assertThat(snaps.get(0).files()).isEmpty();
        assertThat(snaps.get(0).size()).isEmpty();
        assertThat(snaps.get(0).verification()).isEmpty();
        assertThat(snaps.get(0).owner()).isEmpty();
        assertThat(snaps.get(1).owner()).hasValue("backup@pbs");
        assertThat(snaps.get(1).isProtected()).isTrue();
        assertThat(snaps.get(1).files()).containsExactly("index.json.blob");
        assertThat(snaps.get(1).comment()).hasValue("nightly");
        assertThat(snaps.get(1).fingerprint()).isEmpty();
        assertThat(snaps.get(2).files()).containsExactly("index.json.blob", "drive-scsi0.img.fidx");
        assertThat(snaps.get(2).size()).hasValue(42L);
        assertThat(snaps.get(2).verification()).hasValue("ok");
        assertThat(snaps.get(2).owner()).hasValue("root@pam");
        assertThat(snaps.get(2).isProtected()).isFalse();
    }

    private static java.util.Map<String, Object> file(Object... fields) {
        java.util.Map<String, Object> f = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            f.put((String) fields[i], fields[i + 1]);
        }
        return f;
    }

    private static java.util.Map<String, Object> entry(long time, Object files) {
        java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("backup-type", "vm");
        e.put("backup-id", "100");
        e.put("backup-time", time);
        e.put("files", files);
        return e;
    }

    @Test
    void fileListsAreReadWhateverTheOrderOfAFilesFieldsAndEachEntryKeepsItsOwnList() {
        var index = file("filename", "index.json.blob", "crypt-mode", "none");
        var disk = file("filename", "drive-scsi0.img.fidx", "crypt-mode", "none", "size", 42);
        pbs.answerNext("GET", "/admin/datastore/{store}/snapshots", dev.ops.testkit.pve.PveAnswer.data(java.util.List.of(
                entry(1, java.util.List.of(index, disk)),
                entry(2, java.util.List.of(index, disk)),
                entry(3, java.util.List.of(index)),
                entry(4, java.util.List.of(index, disk, file("size", 7, "extra", java.util.List.of(1), "filename", "catalog.pcat1.didx"))),
                entry(5, java.util.List.of(file("crypt-mode", "encrypt", "filename", "index.json.blob"), file("crypt-mode", "none"))),
                entry(6, java.util.List.of("index.json.blob", "fw.conf.blob")))));
        pbs.datastore("store1");

        var snaps = client.datastore("store1").snapshots(Namespace.root());

        assertThat(snaps).extracting(s -> s.time().getEpochSecond()).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(snaps.get(0).files()).containsExactly("index.json.blob", "fw.conf.blob");
        assertThat(snaps.get(1).files()).containsExactly("index.json.blob", "");
        assertThat(snaps.get(2).files()).containsExactly("index.json.blob", "drive-scsi0.img.fidx", "catalog.pcat1.didx");
        assertThat(snaps.get(3).files()).containsExactly("index.json.blob");
        assertThat(snaps.get(4).files()).containsExactly("index.json.blob", "drive-scsi0.img.fidx");
        assertThat(snaps.get(5).files()).containsExactly("index.json.blob", "drive-scsi0.img.fidx");
    }

    @Test
    void snapshotsAreNewestFirstPerGroupAndAnInProgressOneHasNoSizeOrVerification() {
        pbs.datastore("store1")
                .snapshot("", "vm/100/2026-01-01T00:00:00Z")
                .snapshot("", "vm/100/2026-01-03T00:00:00Z", false, false)
                .snapshot("", "ct/200/2026-01-02T00:00:00Z", true, true);

        var snaps = client.datastore("store1").snapshots(Namespace.root());

        assertThat(snaps).extracting(s -> s.ref().path()).containsExactly(
                "ct/200/2026-01-02T00:00:00Z", "vm/100/2026-01-03T00:00:00Z", "vm/100/2026-01-01T00:00:00Z");
        Snapshot running = snaps.get(1);
        assertThat(running.inProgress()).isTrue();
        assertThat(running.size()).isEmpty();
        assertThat(running.verification()).isEmpty();
        assertThat(running.fingerprint()).isEmpty();
        assertThat(snaps.get(0).isProtected()).isTrue();
        assertThat(snaps.get(2).inProgress()).isFalse();
        assertThat(snaps.get(2).size()).hasValue(1L << 30);
        assertThat(snaps.get(2).files()).contains("index.json.blob");
    }

    @Test
    void groupsTellTheirLastBackupAndCount() {
        pbs.datastore("store1").namespace("prod")
                .snapshot("prod", "vm/100/2026-01-01T00:00:00Z")
                .snapshot("prod", "vm/100/2026-01-02T00:00:00Z");

        var groups = client.datastore("store1").groups(Namespace.of("prod"));

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).group()).isEqualTo("vm/100");
        assertThat(groups.get(0).backupCount()).isEqualTo(2);
        assertThat(groups.get(0).lastBackup()).hasValue(Instant.parse("2026-01-02T00:00:00Z"));
    }

    @Test
    void theHostTimeZoneIsReadAndAnUnknownZoneIsAnErrorNotUtc() {
        pbs.timeZone("Europe/Vienna");
        assertThat(client.timeZone()).isEqualTo(ZoneId.of("Europe/Vienna"));

        pbs.timeZone("Mars/Olympus_Mons");
        assertThatThrownBy(client::timeZone).isInstanceOf(ValidationException.class).hasMessageContaining("timezone")
                .hasMessageContaining("Mars/Olympus_Mons");
    }

    @Test
    void aWrongTokenSecretIsAnAuthenticationError() {
        try (PbsClient wrong = PbsClient.builder().baseUrl(pbs.baseUrl()).apiToken("root@pam", "ops", Secret.of("nope"))
                .pinnedCertificate(pbs.fingerprint()).build()) {
            assertThatThrownBy(wrong::datastores).isInstanceOf(AuthenticationException.class);
        }
    }

    @Test
    void theDefaultPortIs8007() {
        assertThat(PbsClient.Builder.withDefaultPort("https://pbs")).isEqualTo("https://pbs:8007");
        assertThat(PbsClient.Builder.withDefaultPort("https://pbs:9000")).isEqualTo("https://pbs:9000");
        try (PbsClient c = PbsClient.builder().baseUrl("https://pbs.example").apiToken("root@pam", "ops", Secret.of("x"))
                .pinnedCertificate(pbs.fingerprint()).build()) {
            assertThat(c.apiBase()).isEqualTo("https://pbs.example:8007/api2/json");
        }
    }

    @Test
    void namespacesDeeperThanPbsAllowsAndBadBackupTypesAreTypedErrors() {
        assertThatThrownBy(() -> Namespace.of("a/b/c/d/e/f/g/h")).isInstanceOf(ValidationException.class).hasMessageContaining("ns");
        assertThat(Namespace.of("a/b/c/d/e/f/g").depth()).isEqualTo(7);
        assertThatThrownBy(() -> BackupType.parse("lxc")).isInstanceOf(ValidationException.class).hasMessageContaining("backup-type");
    }
}
