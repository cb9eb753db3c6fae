package dev.ops.sto.zfs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.sto.zfs.ScrubStatus;
import dev.ops.sto.zfs.ZfsDataset;
import dev.ops.sto.zfs.ZfsType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three ways zfs reports datasets read to the same values (see src/test/resources/zfs/README.md for where each output comes from). */
class ZfsParsersTest {

    private static String out(String name) throws IOException {
        try (InputStream in = ZfsParsersTest.class.getResourceAsStream("/zfs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static final ZfsDataset RPOOL = new ZfsDataset("rpool", ZfsType.FILESYSTEM, 2471493632L, 28573638656L, 98304, Instant.ofEpochSecond(1714557600), "/rpool");
    private static final ZfsDataset SNAP = new ZfsDataset("rpool/data/vm-101-disk-0@pre upgrade", ZfsType.SNAPSHOT, 0, 0, 56623104,
            Instant.ofEpochSecond(1714644000), "");

    @Test
    void openZfs22ListIsTabSeparatedExactBytesAndEpochSeconds() throws IOException {
        List<ZfsDataset> ds = ZfsParsers.list(out("openzfs-2.2-list.txt"));
        assertThat(ds).hasSize(4).first().isEqualTo(RPOOL);
        assertThat(ds.get(2).type()).isEqualTo(ZfsType.VOLUME);
        assertThat(ds.get(3)).isEqualTo(SNAP);
        assertThat(ds.get(3).dataset()).isEqualTo("rpool/data/vm-101-disk-0");
    }

    @Test
    void openZfs23JsonReadsToTheSameValues() throws IOException {
        assertThat(ZfsParsers.json(out("openzfs-2.3-list.json"))).containsExactly(RPOOL, SNAP);
    }

    @Test
    void zfsFuseIsReadThroughZfsGetOneLinePerProperty() throws IOException {
        assertThat(ZfsParsers.get(out("zfs-fuse-get.txt"))).containsExactly(
                new ZfsDataset("tank/a", ZfsType.FILESYSTEM, 114688, 94875648, 114688, Instant.ofEpochSecond(1796558964), "/tmp/tmp.lHB5s7K1Cs/mnt/a"),
                new ZfsDataset("tank/a@s1", ZfsType.SNAPSHOT, 0, 0, 114688, Instant.ofEpochSecond(1796558964), ""));
    }

    @Test
    void scrubStatesOfBothCliGenerations() throws IOException {
        assertThat(ZfsParsers.scrub(out("zfs-fuse-status-scrubbed.txt"))).extracting(ScrubStatus::state, ScrubStatus::errors)
                .containsExactly(ScrubStatus.State.FINISHED, 0L);
        String running = out("openzfs-2.2-status-scrubbing.txt");
        assertThat(ZfsParsers.scrub(running).state()).isEqualTo(ScrubStatus.State.RUNNING);
        assertThat(ZfsParsers.health(running)).isEqualTo("DEGRADED");
        assertThat(ZfsParsers.scrub(out("openzfs-2.2-status-scrubbed.txt"))).extracting(ScrubStatus::state, ScrubStatus::errors)
                .containsExactly(ScrubStatus.State.FINISHED, 2L);
        assertThat(ZfsParsers.scrub("  pool: x\n state: ONLINE\n  scan: none requested\n").state()).isEqualTo(ScrubStatus.State.NONE);
    }

    @Test
    void sizesCompareInBytes() {
        assertThat(ZfsPropertyRules.same("recordsize", "131072", "128K")).isTrue();
        assertThat(ZfsPropertyRules.same("recordsize", "131072", "1M")).isFalse();
        assertThat(ZfsPropertyRules.same("compression", "lz4", "lz4")).isTrue();
        assertThat(ZfsPropertyRules.bytes("16k")).isEqualTo(16384);
        assertThat(ZfsPropertyRules.bytes("12x")).isEqualTo(-1);
    }
}
