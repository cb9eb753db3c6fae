package dev.ops.sto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.policy.Policy;
import dev.ops.core.retention.RetentionPolicy;
import dev.ops.sto.zfs.Zfs;
import dev.ops.testkit.host.ScriptedHost;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** With "snapshots are deleted only by auto-cleanup" on, only a retention prune may destroy snapshots. */
class StoPoliciesTest {
    private final ScriptedHost host = ScriptedHost.named("pve-01")
            .when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).contains("zfs version"), "detect").reply("zfs-2.2.7-pve1\nparsable\n")
            .on("sudo", "-n").exit(1, "")
            .when(c -> c.argv().containsAll(java.util.List.of("zfs", "list")), "list")
            .reply("tank/a\tfilesystem\t1\t1\t1\t1700000000\t/tank/a\ntank/a@old\tsnapshot\t1\t-\t1\t1700000000\t-\ntank/a@new\tsnapshot\t1\t-\t1\t1700003600\t-\n");
    private final Ops ops = Ops.inMemory().toBuilder().policy(Policy.builder().deny(StoPolicies.snapshotsDeletedOnlyByCleanup()).build()).build();

    @Test
    void destroyingASnapshotByHandIsDeniedButPruningIsNot() {
        Zfs zfs = Zfs.on(host, ops);
        assertThatThrownBy(() -> zfs.snapshot("tank/a@old").absent().plan()).isInstanceOf(PolicyDeniedException.class)
                .hasMessageContaining("auto-cleanup");
        var prune = zfs.snapshotsOf("tank/a").prune(RetentionPolicy.builder().zone("UTC").keepLast(1).build(),
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC));
        assertThat(prune.plan().toString()).contains("destroy snapshot tank/a@old");
    }
}
