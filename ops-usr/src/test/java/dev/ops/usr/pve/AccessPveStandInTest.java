package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.pve.PveClient;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stand-in itself: it flags what the real schema and the access id formats refuse, so the other tests' clean runs mean something. */
@Timeout(30)
class AccessPveStandInTest {

    @Test
    void aRequestTheRealSchemaRefusesIsFlagged() {
        try (AccessPve pve = AccessPve.start(); PveClient client = pve.client()) {
            pve.addUser("alice@pve");
            client.api().put("/access/users/{userid}", Map.of("userid", "alice@pve", "append", true, "colour", "blue"));

            assertThat(pve.schemaProblems()).anySatisfy(p -> assertThat(p).contains("'append' requires 'groups'"))
                    .anySatisfy(p -> assertThat(p).contains("unknown parameter 'colour'"));
        }
    }

    @Test
    void anIdBreakingItsAccessFormatIsFlagged() {
        try (AccessPve pve = AccessPve.start(); PveClient client = pve.client()) {
            pve.addUser("alice@pve");
            try {
                client.api().put("/access/acl", Map.of("path", "/", "roles", "PVEAuditor", "users", "alice", "delete", true));
            } catch (RuntimeException refusedOrNot) {
                // Only what the stand-in recorded matters here.
            }

            assertThat(pve.schemaProblems()).anySatisfy(p -> assertThat(p).contains("'users' item 'alice'"));
        }
    }
}
