package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import org.junit.jupiter.api.Test;

/** A plan checks that what it refers to exists: a user cannot be put in a group that does not exist. */
class PveUserGroupsMustExistTest extends AccessTestBase {

    @Test
    void aUserInAGroupThatDoesNotExistFailsAtPlanNamingTheGroup() {
        pve.group("ops", "");
        assertThatThrownBy(() -> access.user("alice@pve").groups("ops", "nope").present().plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("group nope");
        assertThat(pve.users()).doesNotContain("alice@pve");
    }

    @Test
    void aGroupTheUserIsAlreadyInNeedsNoCheck() {
        pve.group("ops", "");
        access.user("alice@pve").groups("ops").present().apply();
        assertThat(access.user("alice@pve").groups("ops").present().plan().isEmpty()).isTrue();
    }
}
