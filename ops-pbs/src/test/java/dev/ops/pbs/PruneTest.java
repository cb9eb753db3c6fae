package dev.ops.pbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ValidationException;
import dev.ops.core.retention.RetentionItem;
import dev.ops.core.retention.RetentionPlan;
import dev.ops.proxmox.JsonValue;
import dev.ops.testkit.pbs.PbsFakeServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A group's prune is planned here, with the core retention engine in the PBS host's time zone, and
 * applied by removing exactly the planned snapshots; the fake server's own prune answers the same.
 */
class PruneTest {
    private final PbsFakeServer pbs = PbsFakeServer.start();
    private final PbsClient client = PbsFixture.client(pbs);
    private final Ops ops = Ops.inMemory();

    @AfterEach
    void close() {
        client.close();
        pbs.close();
        assertThat(pbs.violations()).isEmpty();
    }

    private PbsFakeServer.StoreSeed aucklandGroup() {
        // 10:30Z is 23:30 on Jan 1 in Auckland (UTC+13), 11:30Z already 00:30 on Jan 2: one UTC day, two local days.
        return pbs.timeZone("Pacific/Auckland").datastore("store1")
                .snapshot("", "vm/100/2025-12-30T10:00:00Z")
                .snapshot("", "vm/100/2026-01-01T10:30:00Z")
                .snapshot("", "vm/100/2026-01-01T11:30:00Z")
                .snapshot("", "vm/100/2026-01-01T12:30:00Z", true, true)
                .snapshot("", "vm/100/2026-01-01T13:30:00Z", false, false)
                .snapshot("", "vm/200/2026-01-01T10:30:00Z");
    }

    @Test
    void daysAreTheHostsDaysNotUtcs() {
        aucklandGroup();

        RetentionPlan plan = client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepDaily(2)).apply()
                .value();

        // the newest unfinished one stays (partial), the protected one stays uncounted, and keep-daily 2 keeps
        // the newest of Jan 2 and of Jan 1 in Auckland: 11:30Z and 10:30Z. Only Dec 30 goes.
        assertThat(plan.removed()).extracting(RetentionItem::id).containsExactly("vm/100/2025-12-30T10:00:00Z");
        assertThat(pbs.datastore("store1").snapshots("")).containsExactly(
                "vm/100/2026-01-01T10:30:00Z", "vm/100/2026-01-01T11:30:00Z", "vm/100/2026-01-01T12:30:00Z",
                "vm/100/2026-01-01T13:30:00Z", "vm/200/2026-01-01T10:30:00Z");
    }

    @Test
    void thePlanListsEachRemovalAsIrreversibleAndTheRuleThatKeepsEachSurvivorAndWritesNothing() {
        aucklandGroup();

        Plan plan = client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(1)).plan();

        String text = plan.render();
        assertThat(plan.steps()).hasSize(2);
        assertThat(text).contains("remove snapshot vm/100/2025-12-30T10:00:00Z", "remove snapshot vm/100/2026-01-01T10:30:00Z");
        assertThat(plan.notes()).contains("buckets in the PBS host's time zone Pacific/Auckland");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("2026-01-01T11:30:00Z").contains("keep-last"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("2026-01-01T12:30:00Z").contains("protected"));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("2026-01-01T13:30:00Z").contains("newest unfinished"));
        assertThat(pbs.calls()).allMatch(c -> c.startsWith("GET "));
    }

    @Test
    void theLocalPlanIsWhatTheServersPruneAnswers() {
        aucklandGroup();
        for (var keep : List.<Map<String, Object>>of(Map.of("keep-last", 2), Map.of("keep-daily", 1), Map.of("keep-hourly", 3),
                Map.of("keep-last", 1, "keep-weekly", 1), Map.of())) {
            Map<String, Object> params = new LinkedHashMap<>(keep);
            params.put("store", "store1");
            params.put("backup-type", "vm");
            params.put("backup-id", "100");
            params.put("dry-run", true);
            JsonValue answer = client.api().post("/admin/datastore/{store}/prune", params);
            List<String> serverRemoves = new ArrayList<>();
            answer.elements().stream().filter(e -> !e.path("keep").asBoolean())
                    .forEach(e -> serverRemoves.add("vm/100/" + Instant.ofEpochSecond(e.path("backup-time").asLong())));
            Plan plan = client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> {
                if (keep.containsKey("keep-last")) {
                    p.keepLast((Integer) keep.get("keep-last"));
                }
                if (keep.containsKey("keep-daily")) {
                    p.keepDaily((Integer) keep.get("keep-daily"));
                }
                if (keep.containsKey("keep-hourly")) {
                    p.keepHourly((Integer) keep.get("keep-hourly"));
                }
                if (keep.containsKey("keep-weekly")) {
                    p.keepWeekly((Integer) keep.get("keep-weekly"));
                }
            }).plan();
            List<String> localRemoves = plan.steps().stream().map(s -> s.description().split(" ")[2]).sorted().toList();
            assertThat(localRemoves).as("keep %s", keep).isEqualTo(serverRemoves.stream().sorted().toList());
        }
    }

    @Test
    void aReviewedPlanIsAppliedExactlyOrRefusedWhenTheGroupChangedSince() {
        aucklandGroup();
        var prune = client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(1));
        Plan reviewed = prune.plan();
        pbs.datastore("store1").snapshot("", "vm/100/2026-01-02T00:00:00Z");
        List<String> before = pbs.datastore("store1").snapshots("");

        assertThatThrownBy(() -> prune.apply(reviewed)).isInstanceOf(dev.ops.core.error.StalePlanException.class);
        assertThat(pbs.datastore("store1").snapshots("")).isEqualTo(before);
    }

    @Test
    void keepValuesBelowOneAndLimitsPbsHasNotAreRefusedBeforeAnythingIsRemoved() {
        aucklandGroup();
        List<String> before = pbs.datastore("store1").snapshots("");

        assertThatThrownBy(() -> client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(0)).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("keep");
        assertThatThrownBy(() -> client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100",
                p -> p.keepLast(1).maxAgeDays(3)).plan()).isInstanceOf(ValidationException.class).hasMessageContaining("maxAgeDays");
        assertThat(pbs.datastore("store1").snapshots("")).isEqualTo(before);
    }

    @Test
    void anUnknownHostZoneStopsThePruneBeforeAnythingIsRemoved() {
        aucklandGroup();
        pbs.timeZone("Nowhere/Special");

        assertThatThrownBy(() -> client.changes(ops).prune("store1", Namespace.root(), BackupType.VM, "100", p -> p.keepLast(1)).plan())
                .isInstanceOf(ValidationException.class).hasMessageContaining("Nowhere/Special");
        assertThat(pbs.datastore("store1").snapshots("")).hasSize(6);
    }
}
