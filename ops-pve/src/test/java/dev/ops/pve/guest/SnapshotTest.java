package dev.ops.pve.guest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.testing.Answers;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A guest's snapshots are typed, lenient about Proxmox's spellings, and keep fields ops does not know. */
class SnapshotTest {

    @Test
    void readsASnapshotAndTheCurrentPseudoEntry() throws IOException {
        List<Snapshot> ss = Answers.list(Snapshot.class, """
                {"data":[{"name":"before-upgrade","description":"pre 9.0","snaptime":1710268416,"vmstate":1,"parent":"base"},
                {"name":"current","description":"You are here!","parent":"before-upgrade","running":1,"digest":"abc"}]}""");
        Snapshot s = ss.get(0);
        assertThat(s.name()).isEqualTo("before-upgrade");
        assertThat(s.description()).isEqualTo("pre 9.0");
        assertThat(s.time()).contains(Instant.ofEpochSecond(1710268416));
        assertThat(s.vmstate()).isTrue();
        assertThat(s.parent()).contains("base");
        assertThat(s.isCurrent()).isFalse();
        assertThat(s.unknownFields()).isEmpty();
        Snapshot current = ss.get(1);
        assertThat(current.isCurrent()).isTrue();
        assertThat(current.time()).isEmpty();
        assertThat(current.unknownFields()).containsOnlyKeys("running", "digest");
        assertThat(current.field("running")).contains("1");
    }

    @Test
    void acceptsNumbersAndBooleansAsStringsAndMissingText() throws IOException {
        Snapshot s = Answers.one(Snapshot.class, "{\"data\":[{\"name\":\"s1\",\"snaptime\":\"1710268416\",\"vmstate\":\"0\"}]}");
        assertThat(s.time()).contains(Instant.ofEpochSecond(1710268416));
        assertThat(s.vmstate()).isFalse();
        assertThat(s.description()).isEmpty();
    }
}
