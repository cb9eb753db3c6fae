package dev.ops.pve.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Secret;
import dev.ops.pve.PveClient;
import dev.ops.proxmox.error.ProxmoxTaskFailedException;
import dev.ops.pve.node.NodeSummary;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Adding a node: its join information read on a member, then the join sent to the new node, as pvecm add does. */
@Timeout(30)
class ClusterJoinTest {
    private final PveFakeServer members = Fakes.cluster().clusterName("lab").start();
    private final PveFakeServer newcomer = PveFakeServer.builder().node("pve3").clusterName("")
            .token(Fakes.TOKEN_USER, Fakes.TOKEN_ID, Fakes.TOKEN_SECRET).user(Fakes.TOKEN_USER, "other-root-pw").start()
            .joinableInto(members);
    private final PveClient cluster = Fakes.client(members);
    private final PveClient pve3 = Fakes.client(newcomer);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void stop() {
        newcomer.close();
        members.close(); // strict: fails on any request the real API would refuse
    }

    @Test
    void aNodeJoinsThroughThePreferredMemberAndBothSeeIt() {
        JoinInfo info = cluster.cluster().joinInfo();
        var join = pve3.changes(ops).joinCluster(j -> j.from(info).password(Secret.of(Fakes.PASSWORD)).putLinks(0, "10.0.0.13"));

        Plan plan = join.plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.description()).contains("join node pve3 to the cluster through " + info.members().get(0).address());
            assertThat(s.undo()).isEmpty();
        });
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("pvecm delnode pve3"));
        assertThat(plan.render() + plan.toJson()).doesNotContain(Fakes.PASSWORD);

        Applied<String> done = join.apply(plan); // the reviewed plan: the password's reference is the same when planned again

        assertThat(done.value()).isEqualTo("lab");
        assertThat(cluster.nodes()).extracting(NodeSummary::node).contains("pve1", "pve2", "pve3");
        assertThat(pve3.nodes()).extracting(NodeSummary::node).contains("pve1", "pve2", "pve3");
        assertThat(done.rollback().irreversible()).singleElement().satisfies(s -> assertThat(s).contains("join node pve3"));
        assertThatThrownBy(() -> pve3.changes(ops).joinCluster(j -> j.from(info).password(Secret.of(Fakes.PASSWORD))).plan())
                .as("a member cannot join again").isInstanceOf(ConflictException.class).hasMessageContaining("already in cluster lab");
    }

    @Test
    void aWrongPasswordOrFingerprintFailsTheJoinTaskWithPvesText() {
        JoinInfo info = cluster.cluster().joinInfo();

        assertThatThrownBy(() -> pve3.changes(ops).joinCluster(j -> j.from(info).password(Secret.of("wrong"))).apply())
                .isInstanceOf(ProxmoxTaskFailedException.class).hasMessageContaining("authentication failure").hasMessageNotContaining("wrong");
        String otherFp = "AA:" + info.members().get(0).fingerprint().substring(3).replace('A', 'B');
        assertThatThrownBy(() -> pve3.changes(ops).joinCluster(j -> j.from(info).fingerprint(otherFp).password(Secret.of(Fakes.PASSWORD))).apply())
                .isInstanceOf(ProxmoxTaskFailedException.class).hasMessageContaining("fingerprint");
        assertThat(cluster.nodes()).extracting(NodeSummary::node).doesNotContain("pve3");
    }

    @Test
    void aNodeInAClusterOrWithGuestsIsRefusedAtPlan() {
        JoinInfo info = cluster.cluster().joinInfo();
        assertThatThrownBy(() -> cluster.changes(ops).joinCluster(j -> j.from(info).password(Secret.of(Fakes.PASSWORD))).plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("already in cluster lab");

        newcomer.seed(b -> b.vm(120, "pve3", vm -> vm.name("old")));
        assertThatThrownBy(() -> pve3.changes(ops).joinCluster(j -> j.from(info).password(Secret.of(Fakes.PASSWORD))).plan())
                .isInstanceOf(ConflictException.class).hasMessageContaining("holds guests [120]");
    }

    @Test
    void aNodeInNoClusterHasNoJoinInformation() {
        assertThatThrownBy(() -> pve3.cluster().joinInfo()).hasMessageContaining("not in a cluster");
    }

    @Test
    void badRequestsNameEveryField() {
        assertThatThrownBy(() -> JoinRequest.builder().peer("a b").fingerprint("AB:CD").password(Secret.of("")).putLinks(9, "10.0.0.1").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("peer").hasMessageContaining("fingerprint")
                .hasMessageContaining("password").hasMessageContaining("link9");
    }
}
