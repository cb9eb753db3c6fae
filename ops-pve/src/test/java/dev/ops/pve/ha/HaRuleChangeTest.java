package dev.ops.pve.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.pve.PveChanges;
import dev.ops.pve.PveClient;
import dev.ops.pve.guest.Guest;
import dev.ops.pve.testing.Fakes;
import dev.ops.testkit.pve.PveFakeServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** HA rules (Proxmox VE 9) as changes: created, updated in what differs, removed, each undone exactly. */
@Timeout(30)
class HaRuleChangeTest {
    private final PveFakeServer pve = Fakes.cluster().vm(101, "pve1", vm -> vm.name("db").running())
            .vm(102, "pve1", vm -> vm.name("web-a").running()).vm(103, "pve1", vm -> vm.name("web-b").running()).start();
    private final PveClient client = Fakes.client(pve);
    private final PveChanges changes = client.changes(Ops.inMemory());

    @AfterEach
    void stop() {
        pve.close(); // strict: fails on any request the real API would refuse
    }

    private Guest vm(int vmid) {
        return client.node("pve1").qemu().vm(vmid);
    }

    @Test
    void aNodeAffinityRuleIsCreatedActsAndIsRemovedByRollback() {
        changes.haAdd(vm(101), h -> h.state("started")).apply();
        var rule = changes.haRule(r -> r.rule("db-on-pve2").nodeAffinity().addResources("vm:101").putNodes("pve2", 2).putNodes("pve1", 0)
                .strict(true).comment("keep the database on the fast node"));

        Plan plan = rule.plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.description()).contains("create node-affinity HA rule db-on-pve2"));
        Applied<Optional<HaRule>> done = rule.apply();

        assertThat(done.value()).hasValueSatisfying(r -> {
            assertThat(r.nodes()).containsExactly(Map.entry("pve2", 2), Map.entry("pve1", 0));
            assertThat(r.strict()).isTrue();
            assertThat(r.comment()).isEqualTo("keep the database on the fast node");
        });
        client.ha().status(); // after a round of the HA manager
        assertThat(client.findGuest(101)).hasValueSatisfying(g -> assertThat(g.node()).isEqualTo("pve2"));
        assertThat(rule.plan().steps()).as("already as wanted").isEmpty();

        done.rollback();
        assertThat(client.ha().rules()).isEmpty();
    }

    @Test
    void anUpdateShowsOldAndNewRemovesWhatTheRequestLeavesOutAndRollsBackExactly() {
        changes.haRule(r -> r.rule("db").nodeAffinity().addResources("vm:101").putNodes("pve2", 2).putNodes("pve1", 1)
                .strict(true).comment("first")).apply();
        HaRule before = client.ha().rule("db").orElseThrow();

        var update = changes.haRule(r -> r.rule("db").nodeAffinity().addResources("vm:101").putNodes("pve1", 3).putNodes("pve2", 0));
        Plan plan = update.plan();

        assertThat(plan.render()).contains("nodes: pve2:2,pve1:1 -> pve1:3,pve2", "strict: 1 -> (none)", "comment: first -> (none)");
        Applied<Optional<HaRule>> done = update.apply();
        assertThat(done.value()).hasValueSatisfying(r -> {
            assertThat(r.strict()).isFalse();
            assertThat(r.comment()).isEmpty();
            assertThat(r.nodes()).containsExactly(Map.entry("pve1", 3), Map.entry("pve2", 0));
        });

        done.rollback();
        assertThat(client.ha().rule("db")).contains(before);
    }

    @Test
    void aRemovedRuleIsMadeAgainByRollback() {
        changes.haRule(r -> r.rule("web-apart").keepApart().addResources("vm:102", "vm:103").comment("spread")).apply();
        HaRule before = client.ha().rule("web-apart").orElseThrow();
        assertThat(before.affinity()).isEqualTo("negative");

        Applied<Optional<HaRule>> done = changes.removeHaRule("web-apart").apply();
        assertThat(client.ha().rules()).isEmpty();
        assertThat(changes.removeHaRule("web-apart").plan().steps()).isEmpty();

        done.rollback();
        assertThat(client.ha().rule("web-apart")).contains(before);
    }

    @Test
    void aRulesTypeCannotChangeInPlace() {
        changes.haRule(r -> r.rule("db").nodeAffinity().addResources("vm:101").putNodes("pve2", 1)).apply();

        assertThatThrownBy(() -> changes.haRule(r -> r.rule("db").keepTogether().addResources("vm:101", "vm:102")).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("type").hasMessageContaining("remove the rule");
    }

    @Test
    void badRulesAreRefusedNamingEveryField() {
        assertThatThrownBy(() -> HaRuleRequest.builder().rule("1bad").nodeAffinity().addResources("vm:1", "qemu:101").putNodes("pve1", 2000)
                .together(true).build())
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("rule").hasMessageContaining("'vm:1' is not an HA resource id").hasMessageContaining("'qemu:101'")
                .hasMessageContaining("priority of pve1 is 2000").hasMessageContaining("together");
        assertThatThrownBy(() -> HaRuleRequest.builder().rule("pair").keepApart().addResources("vm:101").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least two resources");
        assertThatThrownBy(() -> HaRuleRequest.builder().rule("nowhere").nodeAffinity().addResources("vm:101").build())
                .isInstanceOf(ValidationException.class).hasMessageContaining("names at least one node");
    }

    @Test
    void aPve8ClusterHasNoRulesAndThePlanSaysSo() {
        try (PveFakeServer eight = Fakes.cluster().pveVersion(8).vm(101, "pve1", vm -> vm.name("db")).start()) {
            PveChanges on8 = Fakes.client(eight).changes(Ops.inMemory());

            assertThatThrownBy(() -> on8.haRule(r -> r.rule("db").nodeAffinity().addResources("vm:101").putNodes("pve2", 1)).plan())
                    .isInstanceOf(ValidationException.class).hasMessageContaining("Proxmox VE 9").hasMessageContaining("HA groups");
        }
    }
}
