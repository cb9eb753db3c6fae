package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import dev.ops.pve.testing.MiniPve;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PveUserChangeTest extends AccessTestBase {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @Test
    void aMissingUserIsCreatedWithOnePostAndRollbackDeletesIt() {
        pve.groups.put("ops", "");
        var change = access.user("alice@pve").email("alice@example.org").firstName("Alice").groups("ops")
                .expire(Instant.ofEpochSecond(2_000_000_000L)).present();

        Plan plan = change.plan();
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.steps().get(0).action().render()).isEqualTo(
                "POST /access/users userid=alice@pve email=alice@example.org firstname=Alice groups=ops expire=2000000000");
        assertThat(plan.steps().get(0).undo().orElseThrow().render()).isEqualTo("DELETE /access/users/alice@pve");

        Applied<PveUser> done = change.apply();
        assertThat(done.value().email()).contains("alice@example.org");
        assertThat(done.value().groups()).containsExactly("ops");
        assertThat(done.value().expire()).contains(Instant.ofEpochSecond(2_000_000_000L));
        assertThat(pve.users).containsKey("alice@pve");

        done.rollback();
        assertThat(pve.users).doesNotContainKey("alice@pve");
        assertThat(pve.writes()).containsExactly("POST /access/users", "DELETE /access/users/alice@pve");
    }

    @Test
    void onlyTheFieldsThatDifferAreUpdatedAndRollbackRestoresTheOldValues() {
        pve.groups.put("ops", "");
        pve.groups.put("dev", "");
        AccessPve.UserState alice = pve.addUser("alice@pve", "dev");
        alice.fields.put("email", "old@example.org");
        alice.fields.put("comment", "keep me");

        var change = access.user("alice@pve").email("new@example.org").comment("keep me").groups("ops", "dev").enabled(false).present();
        Plan plan = change.plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("PUT /access/users/alice@pve email=new@example.org groups=dev,ops enable=0");
            assertThat(s.undo().orElseThrow().render()).isEqualTo("PUT /access/users/alice@pve email=old@example.org groups=dev enable=1");
        });

        Applied<PveUser> done = change.apply();
        assertThat(done.value().enabled()).isFalse();
        assertThat(done.value().groups()).containsExactly("dev", "ops");

        done.rollback();
        assertThat(alice.fields).containsEntry("email", "old@example.org").containsEntry("comment", "keep me").containsEntry("enable", "1");
        assertThat(alice.groups).containsExactly("dev");
    }

    @Test
    void anEmptyValueClearsAFieldAndRollbackPutsItBack() {
        pve.groups.put("dev", "");
        AccessPve.UserState alice = pve.addUser("alice@pve", "dev");
        alice.fields.put("comment", "temporary");

        Applied<PveUser> done = access.user("alice@pve").comment("").groups().present().apply();
        assertThat(done.plan().steps().get(0).action().render()).isEqualTo("PUT /access/users/alice@pve comment= groups=");
        assertThat(done.value().comment()).isEmpty();
        assertThat(done.value().groups()).isEmpty();

        done.rollback();
        assertThat(alice.fields).containsEntry("comment", "temporary");
        assertThat(alice.groups).containsExactly("dev");
    }

    @Test
    void aUserAlreadyInTheDesiredStatePlansNoSteps() {
        pve.groups.put("ops", "");
        access.user("alice@pve").email("alice@example.org").groups("ops").enabled(true).neverExpires().present().apply();
        int writes = pve.writes().size();

        Plan second = access.user("alice@pve").email("alice@example.org").groups("ops").enabled(true).neverExpires().present().plan();

        assertThat(second.isEmpty()).isTrue();
        assertThat(pve.writes()).hasSize(writes);
    }

    @Test
    void deletingAUserRollsBackToItsFieldsGroupsAndAclEntriesAndTheNotesSayWhatIsLost() {
        pve.groups.put("ops", "");
        AccessPve.UserState alice = pve.addUser("alice@pve", "ops");
        alice.fields.put("email", "alice@example.org");
        alice.fields.put("expire", "2000000000");
        alice.tokens.put("ci", new java.util.TreeMap<>(Map.of("privsep", "1", "expire", "0")));
        pve.acl.add(new AccessPve.Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));

        var change = access.user("alice@pve").absent();
        Plan plan = change.plan();
        assertThat(plan.steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("DELETE /access/users/alice@pve");
            assertThat(s.undo().orElseThrow().render()).isEqualTo(
                    "POST /access/users userid=alice@pve email=alice@example.org groups=ops enable=1 expire=2000000000\n"
                            + "PUT /access/acl path=/vms/100 roles=PVEVMUser users=alice@pve propagate=0");
        });
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("not its password"))
                .anySatisfy(n -> assertThat(n).contains("API tokens [ci]"));

        Applied<Boolean> done = change.apply();
        assertThat(done.value()).isTrue();
        assertThat(pve.users).doesNotContainKey("alice@pve");
        assertThat(pve.acl).isEmpty();

        done.rollback();
        assertThat(pve.users.get("alice@pve").fields).containsEntry("email", "alice@example.org").containsEntry("expire", "2000000000");
        assertThat(pve.users.get("alice@pve").groups).containsExactly("ops");
        assertThat(pve.acl).containsExactly(new AccessPve.Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));
    }

    @Test
    void anAbsentUserThatDoesNotExistPlansNoSteps() {
        assertThat(access.user("ghost@pve").absent().plan().isEmpty()).isTrue();
    }

    @Test
    void thePasswordIsSentButNeverShownInThePlanTheJournalOrAnError() {
        var change = access.user("alice@pve").password(Secret.of(PASSWORD)).present();

        Plan plan = change.plan();
        assertThat(plan.render()).contains("password=***").doesNotContain(PASSWORD);
        assertThat(plan.toJson()).doesNotContain(PASSWORD);

        change.apply();
        assertThat(pve.users.get("alice@pve").password).isEqualTo(PASSWORD);
        assertThat(storeText()).doesNotContain(PASSWORD);

        pve.script("POST", "/access/users", MiniPve.fieldErrors(Map.of("password", "value '" + PASSWORD + "' is too weak")));
        assertThatThrownBy(() -> access.user("bob@pve").password(Secret.of(PASSWORD)).present().apply())
                .satisfies(e -> assertThat(e.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void aPasswordForAUserThatExistsIsNotSentAndThePlanSaysSo() {
        pve.addUser("alice@pve");
        Plan plan = access.user("alice@pve").comment("hi").password(Secret.of(PASSWORD)).present().plan();

        assertThat(plan.steps().get(0).action().render()).isEqualTo("PUT /access/users/alice@pve comment=hi");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("password is only set when the user is created"));
    }

    @Test
    void invalidInputListsEveryViolationAtOnceAndSendsNothing() {
        var change = access.user("bad user").email("not-an-address").comment("two\nlines").groups("ops", "no spaces")
                .password(Secret.of("short")).present();

        assertThatThrownBy(change::plan).isInstanceOfSatisfying(ValidationException.class, e -> assertThat(
                e.violations().stream().map(Violation::field).toList())
                .containsExactlyInAnyOrder("userid", "email", "comment", "groups[1]", "password"));
        assertThat(pve.requests).isEmpty();
    }

    @Test
    void aUseridLongerThanSixtyFourCharactersIsRefused() {
        String id = "a".repeat(60) + "@pve.x";
        assertThatThrownBy(() -> access.user(id).absent().plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than 64");
        assertThat(List.copyOf(pve.requests)).isEmpty();
    }
}
