package dev.ops.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ops.core.change.Action;
import dev.ops.core.host.Command;
import dev.ops.core.json.internal.Json;
import dev.ops.net.ifupdown.internal.InterfacesWriteAction;
import dev.ops.net.link.internal.IpCommandsAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal stores actions as JSON so that a fresh JVM can undo them: ops-net's own actions must survive the trip. */
class ActionJsonTest {

    private static Action roundTrip(Action a) throws JsonProcessingException {
        return Json.mapper().readValue(Json.mapper().writeValueAsString(a), Action.class);
    }

    @Test
    void ipCommandsActionRoundTrips() throws JsonProcessingException {
        Action a = new IpCommandsAction("pve-01", List.of(Command.of("ip", "link", "add", "name", "br0", "type", "bridge").asRoot(),
                Command.of("ip", "link", "set", "dev", "br0", "up").asRoot()));

        Action back = roundTrip(a);

        assertThat(back).isEqualTo(a);
        assertThat(back.render()).isEqualTo("sudo -n ip link add name br0 type bridge\nsudo -n ip link set dev br0 up");
    }

    @Test
    void interfacesWriteActionRoundTripsWithItsContent() throws JsonProcessingException {
        InterfacesWriteAction a = new InterfacesWriteAction("pve-01", "/etc/network/interfaces",
                "auto lo\n".getBytes(StandardCharsets.UTF_8), "640", "0:4", true, List.of("ifreload", "-a"), "--- a\n+++ b\n");

        InterfacesWriteAction back = (InterfacesWriteAction) roundTrip(a);

        assertThat(new String(back.content(), StandardCharsets.UTF_8)).isEqualTo("auto lo\n");
        assertThat(back.reload()).containsExactly("ifreload", "-a");
        assertThat(back.mode()).isEqualTo("640");
        assertThat(back.owner()).isEqualTo("0:4");
        assertThat(back.render()).isEqualTo(a.render());
    }
}
