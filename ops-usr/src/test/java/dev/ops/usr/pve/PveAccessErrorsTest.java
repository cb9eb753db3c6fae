package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import dev.ops.proxmox.error.ProxmoxPermissionException;
import dev.ops.testkit.pve.PveAnswer;
import org.junit.jupiter.api.Test;

class PveAccessErrorsTest extends AccessTestBase {

    @Test
    void aRefusedReadSurfacesAsAPermissionErrorNamingThePrivilege() {
        server.answerNext("GET", "/access/users/alice@pve", PveAnswer.error(403, "Permission check failed (/access/groups, User.Modify)"));

        assertThatThrownBy(() -> access.user("alice@pve").present().plan()).isInstanceOfSatisfying(ProxmoxPermissionException.class, e -> {
            assertThat(e.aclPath()).contains("/access/groups");
            assertThat(e.privilege()).contains("User.Modify");
        });
    }

    @Test
    void aNotFoundAnswerToAReadMeansAbsent() {
        server.answerNext("GET", "/access/groups/ops", PveAnswer.error(404, "Not Found"));
        assertThat(access.group("ops").present().plan().steps()).hasSize(1);
        assertThat(access.findGroup("ops")).isEmpty();
    }

    @Test
    void aFailedSecondGrantRollsBackTheFirstAndSurfacesTheTypedError() {
        pve.addUser("alice@pve");
        pve.addUser("bob@pve");
        var change = access.acl("/vms/100").role("PVEVMUser").user("alice@pve").user("bob@pve").present();
        assertThat(change.plan().steps()).hasSize(2);
        pve.removeUser("bob@pve");

        assertThatThrownBy(change::apply).isInstanceOf(NotFoundException.class).hasMessageContaining("bob@pve");
        assertThat(pve.writes()).containsExactly("PUT /access/acl", "PUT /access/acl", "PUT /access/acl");
        var requests = pve.requests();
        assertThat(requests.get(requests.size() - 1).param("delete")).contains("1");
        assertThat(pve.acl()).isEmpty();
    }

    @Test
    void aRefusedWriteSurfacesAsAPermissionErrorAndNothingIsLeftApplied() {
        server.answerNext("POST", "/access/groups", PveAnswer.error(403, "Permission check failed (/access/groups, Group.Allocate)"));

        assertThatThrownBy(() -> access.group("ops").present().apply()).isInstanceOfSatisfying(ProxmoxPermissionException.class,
                e -> assertThat(e.privilege()).contains("Group.Allocate"));
        assertThat(pve.groups()).isEmpty();
    }

    @Test
    void anUndoWhoseTargetWasDeletedMeanwhileFailsWithNotFound() {
        pve.group("ops", "x");
        var done = access.group("ops").comment("y").present().apply();
        pve.removeGroup("ops");
        assertThatThrownBy(done::rollback).satisfies(e -> assertThat(e).hasRootCauseInstanceOf(NotFoundException.class)
                .satisfies(x -> assertThat(x.toString() + x.getCause()).contains("ops")));
    }
}
