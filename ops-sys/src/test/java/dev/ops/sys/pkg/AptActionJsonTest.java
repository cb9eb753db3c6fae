package dev.ops.sys.pkg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.change.Action;
import dev.ops.core.json.internal.Json;
import dev.ops.sys.pkg.internal.AptAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class AptActionJsonTest {

    @Test
    void anAptActionRoundTripsThroughTheJournalsJson() {
        Action action = new AptAction("web-1", List.of("env", "LC_ALL=C", "apt-get", "install", "-y", "--", "curl=7.88.1-10"));

        Action back = Json.read(Json.write(action), Action.class);

        assertThat(back).isEqualTo(action);
        assertThat(back.render()).isEqualTo("sudo -n env LC_ALL=C apt-get install -y -- curl=7.88.1-10");
    }
}
