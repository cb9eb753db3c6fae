package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ConflictException;
import dev.ops.core.host.CommandResult;
import dev.ops.sto.VolumeNotFoundException;
import dev.ops.testkit.host.ScriptedHost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An incremental ZFS stream is received only onto its base: the plan says so where {@code zfs
 * receive} would fail at apply (the destination is missing, lacks the base, has newer snapshots, or
 * was written to since). Hosts with OpenZFS 2.2's CLI, scripted; the real send over ssh runs in
 * ZfsOverSshRealTest.
 */
class ZfsIncrementalTargetTest {
    private final Ops ops = Ops.inMemory();
    private final ScriptedHost sender = host("a", List.of("tank/data", "tank/data@s1", "tank/data@s2"), "0");

    @Test
    void aDestinationWhoseNewestSnapshotIsTheBaseAndUnwrittenReceivesTheIncrement() {
        ScriptedHost receiver = host("b", List.of("backup/data", "backup/data@s0", "backup/data@s1"), "0");

        assertThat(send(receiver).plan().steps()).singleElement()
                .satisfies(step -> assertThat(step.action().render()).contains("zfs send -i tank/data@s1 tank/data@s2 |"));
    }

    @Test
    void aMissingDestinationIsNamed() {
        ScriptedHost receiver = host("b", List.of(), "0");

        assertThatThrownBy(() -> send(receiver).plan()).isInstanceOf(VolumeNotFoundException.class).hasMessageContaining("backup/data");
    }

    @Test
    void aDestinationWithoutTheBaseSnapshotIsRefused() {
        ScriptedHost receiver = host("b", List.of("backup/data", "backup/data@s0"), "0");

        assertThatThrownBy(() -> send(receiver).plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("b:backup/data").hasMessageContaining("has no snapshot @s1").hasMessageContaining("send the full stream first");
    }

    @Test
    void aDestinationWithSnapshotsNewerThanTheBaseIsRefusedNamingTheNewest() {
        ScriptedHost receiver = host("b", List.of("backup/data", "backup/data@s1", "backup/data@later"), "0");

        assertThatThrownBy(() -> send(receiver).plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("has snapshots newer than @s1 (the newest is @later)");
    }

    @Test
    void aDestinationWrittenToSinceItsNewestSnapshotIsRefused() {
        ScriptedHost receiver = host("b", List.of("backup/data", "backup/data@s1"), "4096");

        assertThatThrownBy(() -> send(receiver).plan()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("was modified since its most recent snapshot @s1 (4096 bytes written");
    }

    private dev.ops.core.change.Change<SendResult> send(ScriptedHost receiver) {
        return Replication.on(sender, ops).zfs("tank/data@s2").incrementalFrom("tank/data@s1").to(receiver, "backup/data").over("root@b").send();
    }

    /** A host with OpenZFS 2.2's CLI holding {@code names} (datasets and snapshots, oldest first), the datasets' {@code written} as given. */
    private static ScriptedHost host(String name, List<String> names, String written) {
        ScriptedHost host = ScriptedHost.named(name);
        host.when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).startsWith("v=$(zfs version"), "capabilities")
                .reply("zfs-2.2.2-pve1\nparsable\nholds\n");
        host.on("zfs", "send", "-n", "-P").reply("size\t1048576\n");
        host.on("zfs", "list").answer(c -> {
            String asked = c.argv().get(c.argv().size() - 1);
            boolean recursive = c.argv().contains("-r");
            List<String> found = names.stream().filter(n -> n.equals(asked) || recursive && n.startsWith(asked + "@")).toList();
            if (found.isEmpty()) {
                return result(name, c, 1, "", "cannot open '" + asked + "': dataset does not exist\n");
            }
            StringBuilder out = new StringBuilder();
            long creation = 1_700_000_000L;
            for (String n : found) {
                boolean snapshot = n.contains("@");
                out.append(String.join("\t", n, snapshot ? "snapshot" : "filesystem", "0", snapshot ? "-" : "1048576", "1048576",
                        Long.toString(creation++), snapshot ? "-" : "/" + n)).append('\n');
            }
            return result(name, c, 0, out.toString(), "");
        });
        host.on("zfs", "get").answer(c -> {
            String property = c.argv().get(c.argv().size() - 2);
            String dataset = c.argv().get(c.argv().size() - 1);
            if (!names.contains(dataset)) {
                return result(name, c, 1, "", "cannot open '" + dataset + "': dataset does not exist\n");
            }
            return result(name, c, 0, dataset + "\t" + property + "\t" + (property.equals("written") ? written : "-") + "\t-\n", "");
        });
        return host;
    }

    private static CommandResult result(String host, dev.ops.core.host.Command c, int exit, String out, String err) {
        return CommandResult.of(host, c, exit, out.getBytes(StandardCharsets.UTF_8), err.getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
    }
}
