package dev.ops.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.pve.cluster.ClusterResource;
import dev.ops.pve.storage.StorageSummary;
import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A model's field table: one declaration per field serves reading and listing. */
class PveObjectFieldsTest {

    @Test
    void fieldsListTheDeclaredOrderThenUsageThenUnknownFields() throws IOException {
        ClusterResource r = Answers.one(ClusterResource.class, """
                {"data":[{"future":"x","mem":5,"vmid":"101","cpu":0.5,"type":"qemu","id":"qemu/101"}]}""");
        assertThat(r.fields()).containsExactly(
                Map.entry("id", "qemu/101"),
                Map.entry("type", "qemu"),
                Map.entry("vmid", 101),
                Map.entry("cpu", 0.5),
                Map.entry("mem", 5L),
                Map.entry("future", "x"));
    }

    @Test
    void aModelWithoutUsageKeepsUsageFieldsAsUnknown() throws IOException {
        StorageSummary s = Answers.one(StorageSummary.class, """
                {"data":[{"storage":"local","disk":"7"}]}""");
        assertThat(s.unknownFields()).containsEntry("disk", 7L);
    }

    @Test
    void aWireNameDeclaredTwiceIsRefused() {
        assertThatThrownBy(Twice::table)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name declared twice");
    }

    private static final class Twice extends PveObject {
        private String name;

        private Twice() {
            super(table());
        }

        static Fields<Twice> table() {
            return Fields.of(Twice.class, Twice::new)
                    .text("name", (m, v) -> m.name = v, m -> m.name)
                    .text("name", (m, v) -> m.name = v, m -> m.name);
        }
    }
}
