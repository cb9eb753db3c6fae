package dev.ops.srv.unit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.json.internal.Json;
import org.junit.jupiter.api.Test;

class UnitFileActionTest {

    @Test
    void roundTripsThroughTheJournalsJsonUnderItsLogicalName() {
        Action action = new UnitFileAction("web-1", "web.service",
                FileWriteAction.write("web-1", "/etc/systemd/system/web.service", "[Unit]\n", "0644", true, "create"), true, "/");

        String json = new String(Json.write(action), java.nio.charset.StandardCharsets.UTF_8);
        Action back = Json.read(Json.write(action), Action.class);

        assertThat(json).contains("\"srv.unit-file\"").doesNotContain("UnitFileAction");
        assertThat(back.render()).isEqualTo(action.render());
        assertThat(back).isInstanceOfSatisfying(UnitFileAction.class, a -> {
            assertThat(a.write().content()).isEqualTo("[Unit]\n".getBytes());
            assertThat(a.verify()).isTrue();
        });
    }

    @Test
    void onTheRunningSystemItVerifiesWritesAndReloadsAsOneAction() {
        Action action = new UnitFileAction("web-1", "web.service",
                FileWriteAction.write("web-1", "/etc/systemd/system/web.service", "[Unit]\n", "0644", true, "create"), true, "/");

        assertThat(action.render()).startsWith("systemd-analyze verify web.service\nwrite /etc/systemd/system/web.service")
                .endsWith("\nsystemctl daemon-reload");
        assertThat(action.needsRoot()).isTrue();
    }
}
