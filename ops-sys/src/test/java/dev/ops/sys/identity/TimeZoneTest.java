package dev.ops.sys.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.change.Applied;
import dev.ops.core.change.Plan;
import dev.ops.core.host.Command;
import dev.ops.core.host.LocalHost;
import dev.ops.sys.support.Sandboxes;
import java.nio.charset.StandardCharsets;
import dev.ops.testkit.sandbox.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class TimeZoneTest {
    private final Ops ops = Ops.inMemory();
    private final LocalHost machine = LocalHost.create();
    private String machineLink;
    private SandboxHost sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandboxes.start("tz-sbx");
        machineLink = machine.run("readlink", "/etc/localtime").stdoutText();
        sandbox.check(Command.of("ln", "-sfn", "/usr/share/zoneinfo/Etc/UTC", "/etc/localtime"));
        sandbox.writeFile("/etc/timezone", "Etc/UTC\n".getBytes(), "0644", false);
    }

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
            assertThat(machine.run("readlink", "/etc/localtime").stdoutText()).isEqualTo(machineLink);
        }
    }

    @Test
    void readsTheZoneOfTheLocaltimeLink() {
        assertThat(TimeZone.on(sandbox, ops).get()).hasValue("Etc/UTC");
    }

    @Test
    void planRelinksAndRewritesAndChangesNothing() {
        Plan plan = TimeZone.on(sandbox, ops).set("Europe/Berlin").plan();

        assertThat(plan.steps()).extracting(s -> s.description()).containsExactly(
                "link /etc/localtime to /usr/share/zoneinfo/Europe/Berlin (was /usr/share/zoneinfo/Etc/UTC)", "write /etc/timezone");
        assertThat(sandbox.output("readlink", "/etc/localtime").strip()).isEqualTo("/usr/share/zoneinfo/Etc/UTC");
    }

    @Test
    void applySetsTheZoneAsDateSeesItAndRollbackRestoresIt() {
        Applied<String> done = TimeZone.on(sandbox, ops).set("Europe/Berlin").apply();

        assertThat(done.value()).isEqualTo("Europe/Berlin");
        assertThat(sandbox.output("date", "+%Z", "-d", "2026-01-15T12:00:00Z").strip()).isEqualTo("CET");
        assertThat(sandbox.readText("/etc/timezone")).contains("Europe/Berlin\n");

        done.rollback();

        assertThat(sandbox.output("readlink", "/etc/localtime").strip()).isEqualTo("/usr/share/zoneinfo/Etc/UTC");
        assertThat(sandbox.readText("/etc/timezone")).contains("Etc/UTC\n");
        assertThat(sandbox.output("date", "+%Z").strip()).isEqualTo("UTC");
    }

    @Test
    void theSameZoneAgainPlansNothing() {
        TimeZone.on(sandbox, ops).set("Europe/Berlin").apply();

        assertThat(TimeZone.on(sandbox, ops).set("Europe/Berlin").plan().isEmpty()).isTrue();
    }

    @Test
    void aRegularLocaltimeFileIsRestoredByRollback() {
        sandbox.check(Command.shell("rm /etc/localtime && cp /usr/share/zoneinfo/Asia/Tokyo /etc/localtime"));

        TimeZone.on(sandbox, ops).set("Europe/Berlin").apply().rollback();

        assertThat(sandbox.run("test", "-L", "/etc/localtime").exitCode()).isEqualTo(1);
        assertThat(sandbox.output("date", "+%Z").strip()).isEqualTo("JST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus_Mons", "../../etc/passwd", "Europe/../etc", "", "zone.tab"})
    void anUnknownZoneIsATypedErrorAndNothingChanges(String zone) {
        assertThatThrownBy(() -> TimeZone.on(sandbox, ops).set(zone).apply())
                .isInstanceOfSatisfying(UnknownTimeZoneException.class, e -> assertThat(e.zone()).isEqualTo(zone));

        assertThat(sandbox.output("readlink", "/etc/localtime").strip()).isEqualTo("/usr/share/zoneinfo/Etc/UTC");
        assertThat(sandbox.readText("/etc/timezone")).contains("Etc/UTC\n");
    }

    @Test
    void etcTimezoneKeepsItsModeOwnerAndLineEndsAndRollbackRestoresItsBytes() {
        byte[] before = "Etc/UTC\r\n".getBytes(StandardCharsets.US_ASCII);
        sandbox.writeFile("/etc/timezone", before, "0640", false);
        sandbox.check(Command.of("chown", "4242:4343", "/etc/timezone"));

        Applied<String> done = TimeZone.on(sandbox, ops).set("Europe/Berlin").apply();

        assertThat(sandbox.readFile("/etc/timezone", false).orElseThrow()).isEqualTo("Europe/Berlin\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(sandbox.output("stat", "-c", "%a %u:%g", "/etc/timezone").strip()).isEqualTo("640 4242:4343");

        done.rollback();

        assertThat(sandbox.readFile("/etc/timezone", false).orElseThrow()).isEqualTo(before);
        assertThat(sandbox.output("stat", "-c", "%a %u:%g", "/etc/timezone").strip()).isEqualTo("640 4242:4343");
    }

    @Test
    void aRegularLocaltimeFileGetsItsModeBackOnRollback() {
        sandbox.check(Command.shell("rm /etc/localtime && cp /usr/share/zoneinfo/Asia/Tokyo /etc/localtime && chmod 0600 /etc/localtime"));

        TimeZone.on(sandbox, ops).set("Europe/Berlin").apply().rollback();

        assertThat(sandbox.output("stat", "-c", "%a %F", "/etc/localtime").strip()).isEqualTo("600 regular file");
        assertThat(sandbox.output("cmp", "/etc/localtime", "/usr/share/zoneinfo/Asia/Tokyo")).isEmpty();
    }
}
