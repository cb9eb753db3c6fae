package dev.ops.pve.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Storages of /nodes/{node}/storage are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class StorageSummaryTest {

    @Test
    void readsTypedFields() throws IOException {
        StorageSummary s = Answers.one(StorageSummary.class, """
                {"data":[{"storage":"local-lvm","type":"lvmthin","content":"rootdir,images","active":1,"enabled":1,"shared":0,
                "avail":75000000000,"total":100000000000,"used":25000000000,"used_fraction":0.25}]}""");
        assertThat(s.storage()).isEqualTo("local-lvm");
        assertThat(s.type()).isEqualTo("lvmthin");
        assertThat(s.content()).containsExactly("rootdir", "images");
        assertThat(s.active()).isTrue();
        assertThat(s.enabled()).isTrue();
        assertThat(s.shared()).isFalse();
        assertThat(s.available()).hasValue(75000000000L);
        assertThat(s.total()).hasValue(100000000000L);
        assertThat(s.used()).hasValue(25000000000L);
        assertThat(s.usedFraction()).hasValue(0.25);
        assertThat(s.selectExisting()).isFalse();
        assertThat(s.unknownFields()).isEmpty();
    }

    @Test
    void enabledUnlessProxmoxSaysOtherwise() throws IOException {
        List<StorageSummary> ss = Answers.list(StorageSummary.class, """
                {"data":[{"storage":"a"},{"storage":"b","enabled":0},{"storage":"c","enabled":"0","active":"1"}]}""");
        assertThat(ss).extracting(StorageSummary::enabled).containsExactly(true, false, false);
        assertThat(ss).extracting(StorageSummary::active).containsExactly(false, false, true);
        assertThat(ss.get(0).content()).isEmpty();
    }

    @Test
    void keepsFieldsThisVersionDoesNotKnow() throws IOException {
        StorageSummary s = Answers.one(StorageSummary.class, """
                {"data":[{"storage":"local","type":"dir","total":"1024","formats":{"default":"qcow2","supported":["qcow2","raw"]},
                "select_existing":0,"uptime":5}]}""");
        assertThat(s.total()).hasValue(1024);
        assertThat(s.unknownFields()).containsEntry("formats", Map.of("default", "qcow2", "supported", List.of("qcow2", "raw")))
                .as("a usage field on a model without usage is kept too").containsEntry("uptime", 5L);
        assertThat(s.field("select_existing")).contains("0");
    }
}
