package dev.ops.usr.pve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ops.core.Ops;
import dev.ops.core.store.InMemoryStateStore;
import dev.ops.core.store.StateStore;
import dev.ops.pve.PveClient;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/** Starts the access stand-in and a client per test, and checks afterwards that every request conformed to the real schema. */
@Timeout(30)
abstract class AccessTestBase {
    AccessPve pve;
    PveClient client;
    StateStore store;
    Ops ops;
    ProxmoxAccess access;

    @BeforeEach
    void startStandIn() {
        pve = AccessPve.start();
        client = pve.client();
        store = InMemoryStateStore.create();
        ops = Ops.builder().store(store).build();
        access = ProxmoxAccess.on(client, ops);
    }

    @AfterEach
    void everyRequestConformedToTheSchema() {
        try {
            assertThat(pve.schemaProblems()).isEmpty();
        } finally {
            client.close();
            pve.close();
        }
    }

    /** Everything the state store holds (journal and audit), as text. */
    String storeText() {
        return store.list("").stream().map(e -> e.key() + "=" + new String(e.value().value(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
    }
}
