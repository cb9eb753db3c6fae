package dev.ops.core.journal;

import dev.ops.core.testing.PostgresServer;
import dev.ops.core.testing.TestStores;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal's fault suite on PostgreSQL (a server the test starts on loopback), as several controllers share it. */
class PostgresJournalFaultTest extends JournalFaultContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static PostgresServer server;

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

    @Override
    String freshStore(Path tmp) {
        return TestStores.postgres(server, "journal_faults_" + TABLES.incrementAndGet());
    }
}
