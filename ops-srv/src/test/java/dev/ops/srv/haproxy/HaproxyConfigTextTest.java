package dev.ops.srv.haproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.NotFoundException;
import dev.ops.srv.haproxy.internal.HaproxyConfigText;
import org.junit.jupiter.api.Test;

/** Editing a server line keeps every other byte of the configuration. */
class HaproxyConfigTextTest {
    private static final String CFG = """
            global
                stats socket /run/haproxy/admin.sock level admin
            backend api
                server web-1 10.0.0.9:80 weight 7
            backend web
                balance roundrobin
                server web-1 10.0.0.1:80 check weight 100   # primary
            \tserver web-2 10.0.0.2:80 check disabled
            listen stats
                bind :8404
            """;

    @Test
    void aWeightIsReplacedOnlyOnTheServerOfThatBackendAndTheCommentStays() {
        String out = HaproxyConfigText.edit(CFG, "web", "web-1", 50, null);

        assertThat(out).isEqualTo(CFG.replace("check weight 100   # primary", "check weight 50   # primary"));
    }

    @Test
    void aMissingWeightIsAppendedAndDisabledIsRemovedOrAdded() {
        assertThat(HaproxyConfigText.edit(CFG, "web", "web-2", 20, null)).contains("\tserver web-2 10.0.0.2:80 check disabled weight 20\n");
        assertThat(HaproxyConfigText.edit(CFG, "web", "web-2", -1, false)).contains("\tserver web-2 10.0.0.2:80 check\n");
        assertThat(HaproxyConfigText.edit(CFG, "web", "web-1", -1, true)).contains("server web-1 10.0.0.1:80 check weight 100 disabled   # primary");
    }

    @Test
    void anUnknownBackendOrServerIsNamed() {
        assertThatThrownBy(() -> HaproxyConfigText.edit(CFG, "db", "web-1", 5, null)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("no backend db");
        assertThatThrownBy(() -> HaproxyConfigText.edit(CFG, "web", "web-9", 5, null)).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("has no server web-9");
    }
}
