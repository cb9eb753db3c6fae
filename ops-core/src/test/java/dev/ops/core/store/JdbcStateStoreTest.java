package dev.ops.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ops.core.error.ValidationException;
import dev.ops.core.testing.PostgresServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state store contract against a real PostgreSQL that the test starts on loopback. */
class JdbcStateStoreTest extends StateStoreContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static PostgresServer server;
    private JdbcStateStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshTable() {
        store = JdbcStateStore.create(server.dataSource(), "ops_state_" + TABLES.incrementAndGet());
    }

    @Override
    StateStore store() {
        return store;
    }

    @Test
    void twoStoresOnOneTableSeeEachOthersWrites() {
        JdbcStateStore other = JdbcStateStore.create(server.dataSource(), "ops_shared");
        JdbcStateStore mine = JdbcStateStore.create(server.dataSource(), "ops_shared");

        assertThat(mine.compareAndSet("lease/vmid/101", StateStore.ABSENT, bytes("controller-a"))).isTrue();
        assertThat(other.compareAndSet("lease/vmid/101", StateStore.ABSENT, bytes("controller-b"))).isFalse();
        assertThat(other.get("lease/vmid/101").orElseThrow().text()).isEqualTo("controller-a");
    }

    @Test
    void refusesTableNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> JdbcStateStore.create(server.dataSource(), "x; DROP TABLE y"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("table");
    }

    @Test
    void aRecordsLocationNamesTheTableAndTheKey() {
        assertThat(store.locationOf("journal/x")).startsWith("table ops_state_").endsWith("key journal/x");
    }
}
