package dev.ops.lab.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.PolicyDeniedException;
import dev.ops.core.policy.Approver;
import dev.ops.lab.site.Site;
import dev.ops.lab.testing.LabFakes;
import dev.ops.lab.testing.Sites;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The seed's policies, shipped: refusals at plan time name the rule and its file; approval-required plans go to the approver. */
@Timeout(30)
class SitePolicyTest {
    private final Site site = Site.load(Sites.site1());
    private final PveFakeServer pve = LabFakes.cluster().start();
    private final PveClient client = Fakes.client(pve);

    @AfterEach
    void stop() {
        pve.close();
    }

    private PveChanges changes(Approver approver) {
        return client.changes(Ops.inMemory().toBuilder().policy(SitePolicy.of(site, approver)).build());
    }

    private PveChanges changes() {
        return client.changes(Ops.inMemory().toBuilder().policy(SitePolicy.of(site)).build());
    }

    @Test
    void deletingThePrimaryTemplateIsRefusedAtPlanTime() {
        Guest template = client.node("pve1").qemu().vm(9000);

        assertThatThrownBy(() -> changes().delete(template).plan()).isInstanceOfSatisfying(PolicyDeniedException.class,
                e -> assertThat(e.rule()).isEqualTo("prohibited_actions.delete_primary_template (action-policies.yml)"));
        assertThat(pve.hasGuest(9000)).isTrue();
    }

    @Test
    void deletingASafetySnapshotIsRefusedButOtherSnapshotsAreNot() {
        Guest db = client.node("pve1").lxc().container(200);
        client.changes(Ops.inMemory()).snapshot(db, s -> s.name("ops_safety_20261206")).apply();
        client.changes(Ops.inMemory()).snapshot(db, s -> s.name("manual1")).apply();

        assertThatThrownBy(() -> changes().deleteSnapshot(db, "ops_safety_20261206").plan()).isInstanceOf(PolicyDeniedException.class)
                .hasMessageContaining("prohibited_actions.delete_safety_snapshot (action-policies.yml)");
        assertThat(changes().deleteSnapshot(db, "manual1").plan().steps()).isNotEmpty();
    }

    @Test
    void theMonitoringInfrastructureIsNotTouched() {
        Guest monitoring = client.node("pve1").lxc().container(250);

        assertThatThrownBy(() -> changes().stop(monitoring).plan()).isInstanceOfSatisfying(PolicyDeniedException.class,
                e -> assertThat(e.rule()).isEqualTo("prohibited_actions.touch_monitoring (action-policies.yml)"));
    }

    @Test
    void theLabsOwnDatabaseProtectsItself() {
        Guest db = client.node("pve1").lxc().container(200);

        assertThatThrownBy(() -> changes().stop(db).plan()).isInstanceOfSatisfying(PolicyDeniedException.class,
                e -> assertThat(e.rule()).isEqualTo("self_protection (action-policies.yml)"));
        assertThat(pve.guestStatus(200)).contains("running");
    }

    @Test
    void aCloneGoesToTheApproverWithTheActionsNamed() {
        List<String> asked = new ArrayList<>();
        Guest template = client.node("pve1").qemu().vm(9000);
        var change = changes(plan -> {
            asked.addAll(SitePolicy.approvalsFor(site, plan));
            return Approver.Decision.approve();
        }).clone(template, c -> c.newId(301).name("web-01").targetNode("pve2").full(true).targetStorage("local-lvm"));

        change.apply();

        assertThat(asked).containsExactly("clone", "replicate");
        assertThat(pve.guestNode(301)).contains("pve2");
    }

    @Test
    void withoutAnApproverAnApprovalRequiredPlanIsRefusedAndNothingRuns() {
        Guest template = client.node("pve1").qemu().vm(9000);

        assertThatThrownBy(() -> changes().clone(template, c -> c.newId(302).name("web-02")).apply())
                .isInstanceOfSatisfying(PolicyDeniedException.class, e -> assertThat(e.rule()).isEqualTo("approval_required (action-policies.yml)"))
                .hasMessageContaining("approval required for clone");
        assertThat(pve.hasGuest(302)).isFalse();
    }

    @Test
    void theSeedsOwnProhibitionsAndActionNamesAreActedOn() throws Exception {
        Site seed = Site.load(java.nio.file.Path.of(SitePolicyTest.class.getResource("/seed-guide/site.yml").toURI()).getParent());
        Ops ops = Ops.inMemory().toBuilder().policy(SitePolicy.of(seed)).build();

        assertThatThrownBy(() -> dev.ops.pve.backup.PveBackups.on(client, ops).removeStorage("local").plan())
                .isInstanceOfSatisfying(PolicyDeniedException.class,
                        e -> assertThat(e.rule()).isEqualTo("prohibited_actions.delete_storage (action-policies.yml)"));
        Guest template = client.node("pve1").qemu().vm(9000);
        assertThatThrownBy(() -> client.changes(ops).clone(template, c -> c.name("web-9")).apply())
                .as("clone_vm is approval_required in the seed's file, and no approver is set")
                .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("clone_vm");
    }
}
