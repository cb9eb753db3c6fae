package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.change.RollbackReport;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.secret.Redactor;
import dev.ops.core.secret.Secret;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PveTokenChangeTest extends AccessTestBase {

    @Test
    void creatingATokenHandsItsSecretToTheCallerOnceAndNowhereElse() {
        pve.addUser("alice@pve");
        var change = access.token("alice@pve", "ci").privilegeSeparation(true).comment("pipeline").present();

        Plan plan = change.plan();
        assertThat(plan.steps().get(0).action().render())
                .startsWith("POST /access/users/alice@pve/token/ci privsep=1 comment=pipeline\n");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("handed back once"));

        Applied<PveToken> done = change.apply();
        Secret secret = done.value().secret().orElseThrow();
        String issued = secret.reveal();
        try (var asToken = fake.newClient(b -> b.apiToken("alice@pve", "ci", secret))) {
            assertThat(asToken.version().version()).as("the secret is the one Proxmox issued: it authenticates").isNotEmpty();
        }
        assertThat(done.value().fullId()).isEqualTo("alice@pve!ci");
        assertThat(done.value().toString()).doesNotContain(issued);
        assertThat(done.plan().render()).doesNotContain(issued);
        assertThat(storeText()).doesNotContain(issued);
        assertThat(Redactor.global().redact("value=" + issued)).doesNotContain(issued);
        assertThat(done.value().authorizationHeader().orElseThrow().reveal()).isEqualTo("PVEAPIToken=alice@pve!ci=" + issued);

        Applied<PveToken> again = access.token("alice@pve", "ci").privilegeSeparation(true).comment("pipeline").present().apply();
        assertThat(again.changed()).isFalse();
        assertThat(again.value().secret()).as("Proxmox shows a secret only once").isEmpty();
        assertThat(access.findToken("alice@pve", "ci").orElseThrow().secret()).isEmpty();
    }

    @Test
    void rollingBackACreatedTokenDeletesIt() {
        pve.addUser("alice@pve");
        Applied<PveToken> done = access.token("alice@pve", "ci").present().apply();
        assertThat(pve.tokens("alice@pve")).containsKey("ci");

        done.rollback();
        assertThat(pve.tokens("alice@pve")).isEmpty();
        assertThat(pve.writes()).containsExactly("POST /access/users/alice@pve/token/ci", "DELETE /access/users/alice@pve/token/ci");
    }

    @Test
    void aChangedTokenIsUpdatedWithDeleteForARemovedCommentAndRollbackRestoresIt() {
        pve.addUser("alice@pve");
        pve.token("alice@pve", "ci", Map.of("privsep", true, "expire", 0, "comment", "old"));

        Applied<PveToken> done = access.token("alice@pve", "ci").privilegeSeparation(false).comment("")
                .expire(Instant.ofEpochSecond(2_000_000_000L)).present().apply();
        assertThat(done.plan().steps()).singleElement().satisfies(s -> {
            assertThat(s.action().render()).isEqualTo("PUT /access/users/alice@pve/token/ci privsep=0 expire=2000000000 delete=comment");
            assertThat(s.undo().orElseThrow().render()).isEqualTo("PUT /access/users/alice@pve/token/ci privsep=1 comment=old expire=0");
        });
        assertThat(done.value().privilegeSeparation()).isFalse();
        assertThat(done.value().comment()).isEmpty();
        assertThat(done.value().secret()).isEmpty();

        done.rollback();
        var ci = pve.tokens("alice@pve").get("ci");
        assertThat(ci.path("privsep").asInt()).isEqualTo(1);
        assertThat(ci.path("comment").asText()).isEqualTo("old");
        assertThat(ci.path("expire").asLong()).isZero();
    }

    @Test
    void aCommentAddedToATokenIsRemovedByRollbackWithDelete() {
        pve.addUser("alice@pve");
        pve.token("alice@pve", "ci", Map.of("privsep", true, "expire", 0));

        Applied<PveToken> done = access.token("alice@pve", "ci").comment("new").present().apply();
        assertThat(done.plan().steps().get(0).undo().orElseThrow().render()).isEqualTo("PUT /access/users/alice@pve/token/ci delete=comment");

        done.rollback();
        assertThat(pve.tokens("alice@pve").get("ci").has("comment")).isFalse();
    }

    @Test
    void deletingATokenCannotBeUndoneAndThePlanSaysWhy() {
        pve.addUser("alice@pve");
        pve.token("alice@pve", "ci", Map.of("privsep", true, "expire", 0));
        var change = access.token("alice@pve", "ci").absent();

        Plan plan = change.plan();
        assertThat(plan.steps().get(0).undo()).isEmpty();
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("secret cannot come back"));

        Applied<Boolean> done = change.apply();
        assertThat(done.value()).isTrue();
        RollbackReport report = done.rollback();
        assertThat(report.irreversible()).hasSize(1);
        assertThat(pve.tokens("alice@pve")).isEmpty();
        assertThat(access.token("alice@pve", "ci").absent().plan().isEmpty()).isTrue();
    }

    @Test
    void aTokenForAUserThatDoesNotExistIsRefusedAtPlanTime() {
        assertThatThrownBy(() -> access.token("ghost@pve", "ci").present().plan()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("ghost@pve").hasMessageContaining("make the user present first");
        assertThat(pve.writes()).isEmpty();
    }

    @Test
    void invalidUserAndTokenIdsAreBothReported() {
        assertThatThrownBy(() -> access.token("alice", "1ci").present().plan())
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).extracting(v -> v.field())
                        .containsExactlyInAnyOrder("userid", "tokenid"));
        assertThat(pve.requests()).isEmpty();
    }
}
