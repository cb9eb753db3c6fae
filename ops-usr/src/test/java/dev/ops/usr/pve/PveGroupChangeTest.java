package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class PveGroupChangeTest extends AccessTestBase {

    @Test
    void aMissingGroupIsCreatedAndRollbackDeletesIt() {
        var change = access.group("ops").comment("operators").present();
        assertThat(change.plan().steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("POST /access/groups groupid=ops comment=operators");
            assertThat(s.undo().orElseThrow().render()).isEqualTo("DELETE /access/groups/ops");
        });

        Applied<PveGroup> done = change.apply();
        assertThat(done.value().comment()).contains("operators");

        done.rollback();
        assertThat(pve.groups()).doesNotContainKey("ops");
    }

    @Test
    void aDifferentCommentIsUpdatedAndRollbackRestoresIt() {
        pve.group("ops", "old");
        Applied<PveGroup> done = access.group("ops").comment("new").present().apply();
        assertThat(done.plan().steps().get(0).action().render()).isEqualTo("PUT /access/groups/ops comment=new");
        assertThat(pve.groups()).containsEntry("ops", "new");

        done.rollback();
        assertThat(pve.groups()).containsEntry("ops", "old");
    }

    @Test
    void aGroupAlreadyInTheDesiredStatePlansNoSteps() {
        access.group("ops").comment("operators").present().apply();
        Plan second = access.group("ops").comment("operators").present().plan();
        assertThat(second.isEmpty()).isTrue();
        assertThat(access.group("ops").present().plan().isEmpty()).as("an unmanaged comment is left as it is").isTrue();
    }

    @Test
    void deletingAGroupRollsBackWithItsMembersAndAclEntries() {
        pve.group("ops", "operators");
        pve.group("dev", "");
        pve.addUser("alice@pve", "ops", "dev");
        pve.addUser("bob@pve", "ops");
        pve.acl(new Acl("/", "group", "ops", "PVEAuditor", true));

        var change = access.group("ops").absent();
        Plan plan = change.plan();
        assertThat(plan.steps().get(0).undo().orElseThrow().render()).isEqualTo("""
                POST /access/groups groupid=ops comment=operators
                PUT /access/users/alice@pve groups=ops append=1
                PUT /access/users/bob@pve groups=ops append=1
                PUT /access/acl path=/ roles=PVEAuditor groups=ops propagate=1""");

        Applied<Boolean> done = change.apply();
        assertThat(done.value()).isTrue();
        assertThat(pve.groupsOf("alice@pve")).containsExactly("dev");
        assertThat(pve.acl()).isEmpty();

        done.rollback();
        assertThat(pve.groups()).containsEntry("ops", "operators");
        assertThat(pve.groupsOf("alice@pve")).containsExactly("dev", "ops");
        assertThat(pve.groupsOf("bob@pve")).containsExactly("ops");
        assertThat(pve.acl()).containsExactly(new Acl("/", "group", "ops", "PVEAuditor", true));
    }

    @Test
    void anInvalidGroupIdAndCommentAreBothReported() {
        assertThatThrownBy(() -> access.group("no/slash").comment("a\nb").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).hasSize(2));
        assertThat(pve.requests()).isEmpty();
    }
}
