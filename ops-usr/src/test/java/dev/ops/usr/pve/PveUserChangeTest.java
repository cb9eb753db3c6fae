package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.error.Violation;
import dev.ops.core.secret.Secret;
import dev.ops.testkit.pve.PveAnswer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PveUserChangeTest extends AccessTestBase {
    private static final String PASSWORD = "Corr3ct-Horse-Battery";

    @Test
    void aMissingUserIsCreatedWithOnePostAndRollbackDeletesIt() {
        pve.group("ops", "");
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
        assertThat(pve.users()).contains("alice@pve");

        done.rollback();
        assertThat(pve.users()).doesNotContain("alice@pve");
        assertThat(pve.writes()).containsExactly("POST /access/users", "DELETE /access/users/alice@pve");
    }

    @Test
    void onlyTheFieldsThatDifferAreUpdatedAndRollbackRestoresTheOldValues() {
        pve.group("ops", "");
        pve.group("dev", "");
        pve.addUser("alice@pve", Map.of("email", "old@example.org", "comment", "keep me"), "dev");

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
        var alice = pve.user("alice@pve").orElseThrow();
        assertThat(alice.path("email").asText()).isEqualTo("old@example.org");
        assertThat(alice.path("comment").asText()).isEqualTo("keep me");
        assertThat(alice.path("enable").asInt()).isEqualTo(1);
        assertThat(pve.groupsOf("alice@pve")).containsExactly("dev");
    }

    @Test
    void anEmptyValueClearsAFieldAndRollbackPutsItBack() {
        pve.group("dev", "");
        pve.addUser("alice@pve", Map.of("comment", "temporary"), "dev");

        Applied<PveUser> done = access.user("alice@pve").comment("").groups().present().apply();
        assertThat(done.plan().steps().get(0).action().render()).isEqualTo("PUT /access/users/alice@pve comment= groups=");
        assertThat(done.value().comment()).isEmpty();
        assertThat(done.value().groups()).isEmpty();

        done.rollback();
        assertThat(pve.user("alice@pve").orElseThrow().path("comment").asText()).isEqualTo("temporary");
        assertThat(pve.groupsOf("alice@pve")).containsExactly("dev");
    }

    @Test
    void aUserAlreadyInTheDesiredStatePlansNoSteps() {
        pve.group("ops", "");
        access.user("alice@pve").email("alice@example.org").groups("ops").enabled(true).neverExpires().present().apply();
        int writes = pve.writes().size();

        Plan second = access.user("alice@pve").email("alice@example.org").groups("ops").enabled(true).neverExpires().present().plan();

        assertThat(second.isEmpty()).isTrue();
        assertThat(pve.writes()).hasSize(writes);
    }

    @Test
    void deletingAUserRollsBackToItsFieldsGroupsAndAclEntriesAndTheNotesSayWhatIsLost() {
        pve.group("ops", "");
        pve.addUser("alice@pve", Map.of("email", "alice@example.org", "expire", 2_000_000_000L), "ops");
        pve.token("alice@pve", "ci", Map.of("privsep", true, "expire", 0));
        pve.acl(new Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));

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
        assertThat(pve.users()).doesNotContain("alice@pve");
        assertThat(pve.acl()).isEmpty();

        done.rollback();
        var alice = pve.user("alice@pve").orElseThrow();
        assertThat(alice.path("email").asText()).isEqualTo("alice@example.org");
        assertThat(alice.path("expire").asLong()).isEqualTo(2_000_000_000L);
        assertThat(pve.groupsOf("alice@pve")).containsExactly("ops");
        assertThat(pve.acl()).containsExactly(new Acl("/vms/100", "user", "alice@pve", "PVEVMUser", false));
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
        try (var alice = fake.newClient(b -> b.login("alice@pve", Secret.of(PASSWORD)))) {
            assertThat(alice.version().version()).as("alice logs in with the password sent").isNotEmpty();
        }
        assertThat(storeText()).doesNotContain(PASSWORD);

        server.answerNext("POST", "/access/users", PveAnswer.invalid(Map.of("password", "value '" + PASSWORD + "' is too weak")));
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
        assertThat(pve.requests()).isEmpty();
    }

    @Test
    void aUseridLongerThanSixtyFourCharactersIsRefused() {
        String id = "a".repeat(60) + "@pve.x";
        assertThatThrownBy(() -> access.user(id).absent().plan()).isInstanceOf(ValidationException.class)
                .hasMessageContaining("longer than 64");
        assertThat(pve.requests()).isEmpty();
    }
}
