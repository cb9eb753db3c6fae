package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Applied;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.usr.pve.PveAclEntry.PrincipalType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PveAclChangeTest extends AccessTestBase {

    @Test
    void aMissingGrantIsAddedWithPutAndRollbackRemovesItWithDelete() {
        pve.addUser("alice@pve");
        var change = access.acl("/vms/100").role("PVEVMUser").user("alice@pve").present();
        assertThat(change.plan().steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("PUT /access/acl path=/vms/100 roles=PVEVMUser users=alice@pve propagate=1");
            assertThat(s.undo().orElseThrow().render()).isEqualTo("PUT /access/acl path=/vms/100 roles=PVEVMUser users=alice@pve delete=1");
        });

        Applied<List<PveAclEntry>> done = change.apply();
        assertThat(done.value()).containsExactly(new PveAclEntry("/vms/100", PrincipalType.USER, "alice@pve", "PVEVMUser", true));

        done.rollback();
        assertThat(pve.acl()).isEmpty();
    }

    @Test
    void everyRoleIsGrantedToEveryPrincipalAndASecondPlanIsEmpty() {
        pve.addUser("alice@pve");
        pve.token("alice@pve", "ci", Map.of("privsep", true));
        pve.group("ops", "");
        var change = access.acl("/storage/local").role("PVEAuditor").role("PVEVMUser").group("ops").token("alice@pve!ci").propagate(false)
                .present();
        assertThat(change.plan().render()).contains("PUT /access/acl path=/storage/local roles=PVEVMUser tokens=alice@pve!ci propagate=0");
        change.apply();
        assertThat(pve.acl()).hasSize(4).allSatisfy(a -> assertThat(a.propagate()).isFalse());
        int writes = pve.writes().size();

        assertThat(access.acl("/storage/local").role("PVEAuditor").role("PVEVMUser").group("ops").token("alice@pve!ci").propagate(false)
                .present().plan().isEmpty()).isTrue();
        assertThat(pve.writes()).hasSize(writes);
    }

    @Test
    void aGrantWithOtherPropagationIsChangedAndRollbackRestoresIt() {
        pve.group("ops", "");
        pve.acl(new Acl("/", "group", "ops", "PVEAuditor", true));

        Applied<List<PveAclEntry>> done = access.acl("/").role("PVEAuditor").group("ops").propagate(false).present().apply();
        assertThat(done.plan().steps().get(0).undo().orElseThrow().render())
                .isEqualTo("PUT /access/acl path=/ roles=PVEAuditor groups=ops propagate=1");
        assertThat(pve.acl()).containsExactly(new Acl("/", "group", "ops", "PVEAuditor", false));

        done.rollback();
        assertThat(pve.acl()).containsExactly(new Acl("/", "group", "ops", "PVEAuditor", true));
    }

    @Test
    void removingAGrantRollsBackToTheSameGrant() {
        pve.addUser("alice@pve");
        pve.acl(new Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));
        pve.acl(new Acl("/vms/100", "user", "alice@pve", "PVEAuditor", true));

        Applied<Boolean> done = access.acl("/vms/100").role("PVEVMUser").user("alice@pve").absent().apply();
        assertThat(done.value()).isTrue();
        assertThat(pve.acl()).containsExactly(new Acl("/vms/100", "user", "alice@pve", "PVEAuditor", true));
        assertThat(access.acl("/vms/100").role("PVEVMUser").user("alice@pve").absent().plan().isEmpty()).isTrue();

        done.rollback();
        assertThat(pve.acl()).containsExactlyInAnyOrder(new Acl("/vms/100", "user", "alice@pve", "PVEAuditor", true),
                new Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));
    }

    @Test
    void invalidPathRoleAndPrincipalsAreAllReported() {
        var change = access.acl("vms/100").role("PVE VMUser").user("alice").group("a b").token("alice@pve").present();
        assertThatThrownBy(change::plan).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations().stream().map(Violation::field).toList()).containsExactlyInAnyOrder("path", "roles[0]", "users", "groups", "tokens"));
        assertThatThrownBy(() -> access.acl("/").present().plan()).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.violations().stream().map(Violation::field).toList()).containsExactlyInAnyOrder("roles", "principals"));
        assertThat(pve.requests()).isEmpty();
    }
}
