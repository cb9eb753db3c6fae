package dev.ops.srv.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.error.ConflictException;
import dev.ops.core.error.NotFoundException;
import dev.ops.core.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Live unit control, specified against a scripted systemctl that keeps state and records what it was sent. */
@Timeout(30)
class UnitControlTest {
    private final Ops ops = Ops.inMemory();
    private final FakeSystemd systemd = new FakeSystemd().unit("web.service", "inactive", "disabled");

    private Service.UnitHandle web() {
        return Service.on(systemd.host, ops).unit("web.service");
    }

    @Test
    void startRunsSystemctlStartAsRootAndRollbackStopsItAgain() {
        Applied<String> started = web().start().apply();

        assertThat(started.value()).isEqualTo("active");
        assertThat(systemd.host.commands()).filteredOn(c -> c.argv().contains("start")).singleElement()
                .satisfies(c -> assertThat(c.sudo()).isTrue());
        started.rollback();
        assertThat(systemd.active.get("web.service")).isEqualTo("inactive");
        assertThat(systemd.systemctlLines()).contains("systemctl start -- web.service", "systemctl stop -- web.service");
    }

    @Test
    void startingARunningUnitPlansNothing() {
        systemd.unit("web.service", "active", "enabled");

        assertThat(web().start().plan().isEmpty()).isTrue();
        assertThat(systemd.systemctlLines()).noneMatch(l -> l.contains(" start "));
    }

    @Test
    void stopIsUndoneByStart() {
        systemd.unit("web.service", "active", "enabled");

        web().stop().apply().rollback();

        assertThat(systemd.active.get("web.service")).isEqualTo("active");
    }

    @Test
    void enableAndMaskAreUndoneByTheirOpposites() {
        Applied<String> enabled = web().enable().apply();
        assertThat(systemd.files.get("web.service")).isEqualTo("enabled");
        enabled.rollback();
        assertThat(systemd.files.get("web.service")).isEqualTo("disabled");

        Applied<String> masked = web().mask().apply();
        assertThat(masked.value()).isEqualTo("masked");
        masked.rollback();
        assertThat(systemd.systemctlLines()).contains("systemctl mask -- web.service", "systemctl unmask -- web.service");
    }

    @Test
    void restartingARunningUnitSaysItCannotBeUndone() {
        systemd.unit("web.service", "active", "enabled");

        Plan plan = web().restart().plan();

        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.undo()).isEmpty());
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("cannot be undone"));
    }

    @Test
    void reloadingAStoppedUnitIsRefused() {
        assertThatThrownBy(() -> web().reload().plan()).isInstanceOf(ConflictException.class).hasMessageContaining("inactive");
    }

    @Test
    void aVerbOnAnUnknownUnitIsNotFound() {
        assertThatThrownBy(() -> Service.on(systemd.host, ops).unit("nope.service").start().plan()).isInstanceOf(NotFoundException.class);
    }

    @Test
    void stateIsReadAsKeyValueLinesInWhateverOrderSystemctlPrintsThem() {
        systemd.unit("web.service", "active", "enabled");

        UnitState s = web().get().orElseThrow();

        assertThat(s).isEqualTo(new UnitState("web.service", "loaded", "active", "running", "enabled", 4242, 3, "success"));
        assertThat(systemd.systemctlLines()).singleElement().asString()
                .isEqualTo("systemctl show --property=" + UnitState.PROPERTIES + " -- web.service").doesNotContain("--value");
    }

    @Test
    void anUnknownUnitReadsAsEmpty() {
        assertThat(Service.on(systemd.host, ops).unit("nope.service").get()).isEmpty();
    }

    @Test
    void unitNamesWithSpacesOrSlashesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> Service.on(systemd.host, ops).unit("web app.service"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("name")).isNotEmpty());
        assertThatThrownBy(() -> Service.on(systemd.host, ops).unit("../../etc/passwd.service"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("name")).isNotEmpty());
        assertThat(systemd.host.commands()).isEmpty();
    }

    @Test
    void maskingAUnitWhoseFileIsInEtcIsRefusedBeforeAnythingRuns() {
        systemd.etcFiles.add("/etc/systemd/system/web.service");

        assertThatThrownBy(() -> web().mask().apply()).isInstanceOf(ConflictException.class).hasMessageContaining("absent()");
        assertThat(systemd.systemctlLines()).noneMatch(l -> l.contains("mask"));
    }

    @Test
    void readingStateNeverAsksForRoot() {
        web().get();
        web().enable().plan();

        assertThat(systemd.host.commands()).filteredOn(c -> c.argv().contains("show") || c.argv().contains("is-enabled"))
                .hasSize(2).allSatisfy(c -> assertThat(c.sudo()).isFalse());
    }
}
