package dev.ops.srv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.change.Action;
import dev.ops.core.change.FileWriteAction;
import dev.ops.core.change.Targets;
import dev.ops.core.host.Command;
import dev.ops.core.json.internal.Json;
import dev.ops.srv.discovery.internal.RegistryPutAction;
import dev.ops.srv.discovery.internal.RenderedFileAction;
import dev.ops.srv.haproxy.internal.HaproxyConfigAction;
import dev.ops.srv.rollout.internal.RolloutGateAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The actions of rollouts, the HAProxy configuration and discovery go into the journal under logical names and read back equal. */
class SrvActionJournalTest {

    @Test
    void eachActionRoundTripsUnderItsLogicalName() {
        FileWriteAction write = FileWriteAction.write("lb-1", "/etc/haproxy/haproxy.cfg", "global\n", "0644", true, "rewrite");
        Map<String, Action> byName = Map.of(
                "srv.rollout-gate", new RolloutGateAction("gate:haproxy:/run/admin.sock/web#1", "batch 1/2: web-1 healthy", false),
                "srv.haproxy-config", new HaproxyConfigAction("lb-1", write, true),
                "srv.registry-put", new RegistryPutAction(Targets.STATE_STORE, "srv/registry/api/api-1", null, "service=api\n"),
                "srv.rendered-file", new RenderedFileAction("lb-1", write, true, Command.of("systemctl", "reload", "haproxy")));

        byName.forEach((name, action) -> {
            String json = new String(Json.write(action), StandardCharsets.UTF_8);
            assertThat(json).contains("\"" + name + "\"").doesNotContain(action.getClass().getSimpleName());
            assertThat(Json.read(Json.write(action), Action.class).render()).isEqualTo(action.render());
        });
    }

    @Test
    void aGatesUndoDoesNothingAndNeedsNoGate() {
        RolloutGateAction undo = new RolloutGateAction("gate:gone", "web-1 healthy", true);

        undo.execute(Targets.none());

        assertThat(undo.render()).isEqualTo("nothing to undo (gate: web-1 healthy)");
        assertThat(new RolloutGateAction("g", "x", false).render()).isEqualTo("wait until x");
    }
}
