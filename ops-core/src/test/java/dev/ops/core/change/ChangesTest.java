package dev.ops.core.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.CommandFailedException;
import dev.ops.core.error.StalePlanException;
import dev.ops.core.error.ValidationException;
import dev.ops.core.file.ManagedFile;
import dev.ops.core.host.LocalHost;
import dev.ops.core.journal.ApplyStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ChangesTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost web = LocalHost.named("web-1");
    private final LocalHost db = LocalHost.named("db-1");

    @TempDir
    Path dir;

    private Change<String> file(LocalHost host, String name, String content) {
        return ManagedFile.on(host, ops).path(dir.resolve(name).toString()).content(content).present();
    }

    @Test
    void aSequenceIsOnePlanOneJournalRecordAndOneRollbackAcrossHosts() throws Exception {
        Change<List<Object>> all = Changes.sequence(file(web, "a", "A\n"), file(db, "b", "B\n"),
                new MarkerChange(ops, web, dir, List.of("m")));

        Plan plan = all.plan();
        assertThat(plan.steps()).extracting(Step::target).containsExactly("web-1", "db-1", "web-1");
        assertThat(plan.render()).containsSubsequence("  on web-1:", "    1. create", "    3. create marker m", "  on db-1:", "    2. create");
        assertThat(dir.resolve("a")).doesNotExist();

        Applied<List<Object>> done = all.apply();
        assertThat(done.value()).containsExactly("A\n", "B\n", List.of("m"));
        assertThat(ops.journal().list()).singleElement().satisfies(r -> assertThat(r.steps()).hasSize(3));
        assertThat(Files.readString(dir.resolve("b"))).isEqualTo("B\n");

        RollbackReport report = done.rollback();
        assertThat(report.undone()).containsExactly("create marker m", "create " + dir.resolve("b"), "create " + dir.resolve("a"));
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("b")).doesNotExist();
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void aSequenceWhoseThirdChangeIsInvalidAppliesNothingAndNamesEveryViolationWithItsChange() {
        Change<String> bad = ManagedFile.on(web, ops).path("relative").content("x").mode("999").present();
        Change<List<Object>> all = Changes.sequence(file(web, "a", "A\n"), file(db, "b", "B\n"), bad);

        assertThatThrownBy(all::apply).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).extracting(v -> v.field()).containsExactly("path", "mode");
            assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).contains("changes[2]").contains("file relative present on web-1"));
        });
        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(ops.journal().list()).isEmpty();
    }

    @Test
    void aFailureInALaterChangeRollsBackTheEarlierOnes() {
        Change<List<Object>> all = Changes.sequence(file(web, "a", "A\n"), new MarkerChange(ops, db, dir, List.of("n", "fail")));

        assertThatThrownBy(all::apply).isInstanceOf(CommandFailedException.class);

        assertThat(dir.resolve("a")).doesNotExist();
        assertThat(dir.resolve("n")).doesNotExist();
        assertThat(ops.journal().list()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(ApplyStatus.ROLLED_BACK));
    }

    @Test
    void aLaterChangeUsesWhatAnEarlierOneYieldedAndBothRollBackTogether() throws Exception {
        Change<String> copied = Changes.then(file(web, "source", "payload\n"), content -> file(db, "copy", "copy of " + content));

        Plan plan = copied.plan();
        assertThat(plan.steps()).hasSize(1);
        assertThat(plan.notes()).anyMatch(n -> n.contains("planned at apply"));

        Applied<String> done = copied.apply();
        assertThat(done.value()).isEqualTo("copy of payload\n");
        assertThat(Files.readString(dir.resolve("copy"))).isEqualTo("copy of payload\n");
        assertThat(ops.journal().list()).singleElement().satisfies(r -> assertThat(r.steps()).hasSize(2));

        done.rollback();
        assertThat(dir.resolve("source")).doesNotExist();
        assertThat(dir.resolve("copy")).doesNotExist();
    }

    @Test
    void aLaterChangeThatIsInvalidRollsBackTheEarlierOne() {
        Change<String> copied = Changes.then(file(web, "source", "payload\n"),
                content -> ManagedFile.on(db, ops).path("not-absolute").content(content).present());

        assertThatThrownBy(copied::apply).isInstanceOf(ValidationException.class);
        assertThat(dir.resolve("source")).doesNotExist();
    }

    @Test
    void applyingAReviewedPlanRunsExactlyItOrRefusesWithWhatChangedSince() throws Exception {
        Path motd = Files.writeString(dir.resolve("motd"), "old\n");
        Change<String> change = ManagedFile.on(web, ops).path(motd.toString()).content("new\n").present();
        Plan reviewed = change.plan();

        Files.writeString(motd, "edited by someone else\n");
        assertThatThrownBy(() -> change.apply(reviewed)).isInstanceOfSatisfying(StalePlanException.class,
                e -> assertThat(e.differences()).singleElement().asString().contains("step 1 was").contains("edited by someone else"));
        assertThat(Files.readString(motd)).isEqualTo("edited by someone else\n");

        Plan again = change.plan();
        assertThat(change.apply(again).value()).isEqualTo("new\n");
        assertThat(Files.readString(motd)).isEqualTo("new\n");
    }

    @Test
    void aPlanOfAnotherChangeIsRefused() {
        Plan other = file(web, "x", "x\n").plan();

        assertThatThrownBy(() -> file(web, "y", "y\n").apply(other)).isInstanceOf(StalePlanException.class)
                .hasMessageContaining("the plan is for");
    }
}
