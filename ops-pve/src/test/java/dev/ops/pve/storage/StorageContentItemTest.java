package dev.ops.pve.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Volumes of a storage's content list are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class StorageContentItemTest {

    @Test
    void readsABackup() throws IOException {
        StorageContentItem i = Answers.one(StorageContentItem.class, """
                {"data":[{"volid":"pbs:backup/vm/101/2024-03-12T18:33:36Z","content":"backup","format":"pbs-vm","size":4294967296,
                "vmid":101,"ctime":1710268416,"notes":"before upgrade","protected":1,"encrypted":"ab:cd",
                "verification":{"state":"ok","upid":"UPID:x"}}]}""");
        assertThat(i.volid()).isEqualTo("pbs:backup/vm/101/2024-03-12T18:33:36Z");
        assertThat(i.content()).isEqualTo("backup");
        assertThat(i.format()).contains("pbs-vm");
        assertThat(i.size()).hasValue(4294967296L);
        assertThat(i.vmid()).hasValue(101);
        assertThat(i.created()).contains(Instant.ofEpochSecond(1710268416));
        assertThat(i.notes()).contains("before upgrade");
        assertThat(i.isProtected()).isTrue();
        assertThat(i.encrypted()).contains("ab:cd");
        assertThat(i.unknownFields()).containsOnlyKeys("verification");
        assertThat(i.fields().get("verification")).isEqualTo(Map.of("state", "ok", "upid", "UPID:x"));
    }

    @Test
    void readsALinkedCloneDiskWithNumbersAsStrings() throws IOException {
        StorageContentItem i = Answers.one(StorageContentItem.class, """
                {"data":[{"volid":"local-lvm:vm-102-disk-0","content":"images","format":"raw","size":"34359738368","used":"0",
                "vmid":"102","parent":"base-9000-disk-0","protected":"0"}]}""");
        assertThat(i.size()).hasValue(34359738368L);
        assertThat(i.used()).hasValue(0);
        assertThat(i.vmid()).hasValue(102);
        assertThat(i.parent()).contains("base-9000-disk-0");
        assertThat(i.isProtected()).isFalse();
        assertThat(i.created()).isEmpty();
    }

    @Test
    void volumesWithTheSameFieldsAreEqual() throws IOException {
        String body = "{\"data\":[{\"volid\":\"local:iso/a.iso\",\"size\":1},{\"volid\":\"local:iso/a.iso\",\"size\":\"1\"}]}";
        var both = Answers.list(StorageContentItem.class, body);
        assertThat(both.get(0)).isEqualTo(both.get(1)).hasSameHashCodeAs(both.get(1));
        assertThat(both.get(0)).hasToString("StorageContentItem{volid=local:iso/a.iso, size=1}");
    }
}
