package dev.ops.srv.haproxy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.change.Action;
import dev.ops.core.json.internal.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HaproxyCommandActionTest {

    @Test
    void roundTripsThroughTheJournalsJsonUnderItsLogicalName() {
        Action action = new HaproxyCommandAction("haproxy:/run/haproxy/admin.sock", "set server web/web-2 state drain");

        assertThat(new String(Json.write(action), StandardCharsets.UTF_8)).contains("\"srv.haproxy-command\"");
        assertThat(Json.read(Json.write(action), Action.class)).isEqualTo(action);
    }
}
