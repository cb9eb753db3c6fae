package dev.ops.sto.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.change.Change;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Command;
import dev.ops.core.host.CommandResult;
import dev.ops.sto.zfs.internal.ZfsParsers;
import dev.ops.testkit.host.ScriptedHost;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resuming an interrupted ZFS receive with {@code zfs send -t TOKEN}, against receive resume tokens
 * that real OpenZFS hosts printed (zfs-fuse, which the real tests run, has no resume tokens). The
 * tokens are recordings, from public bug reports (src/test/resources/zfs/README.md says which); the
 * hosts around them are scripted: {@code zfs version} and the capability probe, {@code zfs list}
 * of the snapshot and the destination, and the size {@code zfs send -n -P} estimates are written
 * here, consistent with what each token holds (its {@code toname}, decoded from the token).
 */
class ZfsResumeTest {
    private final Ops ops = Ops.inMemory();

    private static String recorded(String name) throws IOException {
        try (InputStream in = ZfsResumeTest.class.getResourceAsStream("/zfs/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The line {@code zfs get receive_resume_token} printed in openzfs/zfs#10439 (OpenZFS 0.8.4, columns
     * aligned with spaces), in the form {@code -H} prints it: the same columns joined by tabs.
     */
    private static String tokenLineAsDashH() throws IOException {
        return String.join("\t", recorded("openzfs-0.8.4-get-receive-resume-token.txt").strip().split(" +")) + "\n";
    }

    @Test
    void theRecordedLineReadsAsTheResumeTokenProperty() throws IOException {
        assertThat(ZfsParsers.properties(tokenLineAsDashH())).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("receive_resume_token");
            assertThat(p.value()).startsWith("1-eb46e146b-d0-789c").endsWith("029161d79");
        });
    }

    @Test
    void aDestinationWithAResumeTokenIsResumedWithSendDashTAndReceiveDashS() throws IOException {
        String token = tokenLineAsDashH().split("\t")[2];
        // The token's toname is data-storage/02_backup@bu_20190209; it was received into pool/client/backup.
        ScriptedHost sender = openZfs("nas", "data-storage/02_backup@bu_20190209", "snapshot");
        ScriptedHost receiver = openZfs("server", "pool/client/backup", "filesystem")
                .on("zfs", "get").reply(tokenLineAsDashH());
        sender.on("zfs", "send", "-n", "-P", "-t", token).reply("resume token contents:\nnvlist version: 0\n\tobject = 0x18a\n"
                + "full\tdata-storage/02_backup@bu_20190209\t95158272\nsize\t95158272\n");

        Change<SendResult> send = Replication.on(sender, ops).zfs("data-storage/02_backup@bu_20190209").to(receiver, "pool/client/backup")
                .over("root@server").send();
        Plan plan = send.plan();

        assertThat(plan.notes()).contains("expects to move 95158272 bytes", "resumes an interrupted receive into pool/client/backup from its resume token");
        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.action().render())
                .contains("zfs send -t " + token + " | ssh -o BatchMode=yes root@server -- ").contains("zfs receive -s pool/client/backup"));

        sender.when(c -> c.render().contains("uid=$(id -u)"), "privilege probe").reply("uid=0\n").on("bash", "-c").reply("");
        receiver.when(c -> c.render().contains("uid=$(id -u)"), "privilege probe").reply("uid=0\n");
        SendResult result = send.apply().value();

        assertThat(result.resumed()).isTrue();
        assertThat(result.expectedBytes()).isEqualTo(95158272);
        assertThat(sender.commands().stream().map(Command::argv).filter(a -> a.get(0).equals("bash")).toList()).singleElement()
                .satisfies(argv -> assertThat(argv.get(2)).startsWith("set -o pipefail; zfs send -t " + token + " | ssh"));
    }

    @Test
    void anEncryptedIncrementalTokenIsPassedOnAsItIsAndTheBaseIsNotNamedAgain() throws IOException {
        // openzfs/zfs#14153: `zfs get -H -o value receive_resume_token resumetest2/encr-child`, an incremental raw send's token
        // (toname resumetest/encr-child@with-a-file, with fromguid, compressok and rawok).
        String token = recorded("openzfs-get-H-value-receive-resume-token-encrypted.txt").strip();
        ScriptedHost sender = openZfs("a", "resumetest/encr-child@with-a-file", "snapshot", "resumetest/encr-child@base");
        sender.on("zfs", "send", "-n", "-P", "-t", token).reply("incremental\tbase\tresumetest/encr-child@with-a-file\t0\nsize\t0\n");
        ScriptedHost receiver = openZfs("b", "resumetest2/encr-child", "filesystem")
                .on("zfs", "get").reply("resumetest2/encr-child\treceive_resume_token\t" + token + "\t-\n");

        Plan plan = Replication.on(sender, ops).zfs("resumetest/encr-child@with-a-file").incrementalFrom("resumetest/encr-child@base")
                .to(receiver, "resumetest2/encr-child").over("root@b").send().plan();

        assertThat(plan.steps()).singleElement().satisfies(step -> assertThat(step.action().render())
                .contains("zfs send -t " + token + " |").doesNotContain("-i resumetest/encr-child@base"));
    }

    /**
     * A host with OpenZFS 2.2's CLI (parsable {@code zfs list}, no JSON) that has {@code dataset} of
     * {@code type} (and the snapshots {@code more}) and nothing else: the received snapshot is not there yet.
     */
    private static ScriptedHost openZfs(String name, String dataset, String type, String... more) {
        ScriptedHost host = ScriptedHost.named(name);
        host.when(c -> c.argv().get(0).equals("sh") && c.argv().get(2).startsWith("v=$(zfs version"), "capabilities")
                .reply("zfs-2.2.2-pve1\nparsable\nholds\n");
        host.on("zfs", "list").answer(c -> {
            String asked = c.argv().get(c.argv().size() - 1);
            if (List.of(more).contains(asked)) {
                return CommandResult.of(name, c, 0, (asked + "\tsnapshot\t0\t-\t12288\t1549670000\t-\n").getBytes(StandardCharsets.UTF_8),
                        new byte[0], Duration.ZERO, false);
            }
            if (!asked.equals(dataset)) {
                return CommandResult.of(name, c, 1, new byte[0], ("cannot open '" + asked + "': dataset does not exist\n")
                        .getBytes(StandardCharsets.UTF_8), Duration.ZERO, false);
            }
            String line = String.join("\t", List.of(dataset, type, "0", type.equals("snapshot") ? "-" : "1048576", "95158272", "1549670400",
                    type.equals("snapshot") ? "-" : "/" + dataset));
            return CommandResult.of(name, c, 0, (line + "\n").getBytes(StandardCharsets.UTF_8), new byte[0], Duration.ZERO, false);
        });
        return host;
    }
}
