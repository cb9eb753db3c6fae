package dev.ops.srv.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.Ops;
import dev.ops.core.error.ValidationException;
import dev.ops.testkit.host.ScriptedHost;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A unit's journal and the failed units, read from scripted journalctl and systemctl output in their real formats. */
class UnitLogsTest {
    private static final String JOURNAL = """
            {"__CURSOR":"s=ab;i=1","__REALTIME_TIMESTAMP":"1700000000123456","PRIORITY":"6","_PID":"4242","MESSAGE":"listening on :8080","_SYSTEMD_UNIT":"web.service"}
            {"__CURSOR":"s=ab;i=2","__REALTIME_TIMESTAMP":"1700000001000000","PRIORITY":"3","_PID":"4242","MESSAGE":[98,97,100,255],"_SYSTEMD_UNIT":"web.service"}
            {"__CURSOR":"s=ab;i=3","__REALTIME_TIMESTAMP":"1700000002000000","MESSAGE":null}
            """;
    private final Ops ops = Ops.inMemory();
    private final ScriptedHost host = ScriptedHost.named("web-1");

    @Test
    void logsAreParsedFromJsonLinesWithTheLastCursorToReadOnFrom() {
        host.on("sh", "-c").reply(JOURNAL);

        LogPage page = Service.on(host, ops).unit("web.service").logs(50);

        assertThat(page.entries()).hasSize(3);
        assertThat(page.entries().get(0)).isEqualTo(new LogEntry("s=ab;i=1", Instant.parse("2023-11-14T22:13:20.123456Z"), 6,
                "listening on :8080", 4242));
        assertThat(page.entries().get(1).message()).startsWith("bad").hasSize(4);
        assertThat(page.entries().get(1).priority()).isEqualTo(3);
        assertThat(page.entries().get(2).message()).isEmpty();
        assertThat(page.cursor()).contains("s=ab;i=3");
        assertThat(host.commands().get(0).argv()).endsWith("web.service", "50", "");
    }

    @Test
    void readingOnAfterACursorPassesItAndKeepsItWhenNothingIsNew() {
        host.on("sh", "-c").reply("");

        LogPage page = Service.on(host, ops).unit("web.service").logsAfter("s=ab;i=3", 10);

        assertThat(page.entries()).isEmpty();
        assertThat(page.cursor()).contains("s=ab;i=3");
        assertThat(host.commands().get(0).argv()).endsWith("web.service", "10", "s=ab;i=3");
    }

    @Test
    void aPageSizeOfZeroIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Service.on(host, ops).unit("web.service").logs(0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violationsOf("max")).isNotEmpty());
        assertThat(host.commands()).isEmpty();
    }

    @Test
    void failedUnitsAreTheFirstColumnOfListUnits() {
        host.on("systemctl", "list-units").reply("""
                web.service  loaded failed failed web frontend
                backup.timer loaded failed failed nightly backup
                """);

        assertThat(Service.on(host, ops).failed()).containsExactly("web.service", "backup.timer");
        assertThat(host.commands().get(0).sudo()).isFalse();
    }
}
