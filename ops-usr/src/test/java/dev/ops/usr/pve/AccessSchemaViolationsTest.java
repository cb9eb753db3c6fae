package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake flags the access requests the real schema refuses, so that the other tests' clean runs mean something. */
class AccessSchemaViolationsTest extends AccessTestBase {

    @Test
    void aRequestTheRealSchemaRefusesIsFlagged() {
        pve.addUser("alice@pve");
        try {
            client.api().put("/access/users/{userid}", Map.of("userid", "alice@pve", "append", true, "colour", "blue"));
        } catch (RuntimeException refused) {
            // Only what the fake recorded matters here.
        }

        assertThat(server.violations()).singleElement().satisfies(v -> assertThat(v.errors())
                .containsKey("groups").containsKey("colour"));
        server.clearViolations();
    }

    @Test
    void anIdBreakingItsAccessFormatIsFlagged() {
        pve.addUser("alice@pve");
        try {
            client.api().put("/access/acl", Map.of("path", "/", "roles", "PVEAuditor", "users", "alice", "delete", true));
        } catch (RuntimeException refused) {
            // Only what the fake recorded matters here.
        }

        assertThat(server.violations()).singleElement().satisfies(v -> assertThat(v.errors()).containsKey("users"));
        server.clearViolations();
    }
}
