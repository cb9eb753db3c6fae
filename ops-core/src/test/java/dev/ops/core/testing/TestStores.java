package dev.ops.core.testing;

import dev.ops.core.store.FileStateStore;
import dev.ops.core.store.JdbcStateStore;
import dev.ops.core.store.StateStore;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Names a state store in one string, so that a child JVM opens the same store as the test:
 * {@code file:/path} or {@code pg:PORT:TABLE} (a {@link PostgresServer} on loopback).
 */
public final class TestStores {
    private TestStores() {}

    /** The spec of a file store in {@code dir}. */
    public static String file(Path dir) {
        return "file:" + dir;
    }

    /** The spec of a table of a test PostgreSQL server. */
    public static String postgres(PostgresServer server, String table) {
        return "pg:" + server.port() + ":" + table;
    }

    /** Opens the store a spec names. */
    public static StateStore open(String spec) {
        if (spec.startsWith("file:")) {
            return FileStateStore.open(Path.of(spec.substring(5)));
        }
        if (spec.startsWith("pg:")) {
            String[] parts = spec.split(":");
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setServerNames(new String[] {"127.0.0.1"});
            ds.setPortNumbers(new int[] {Integer.parseInt(parts[1])});
            ds.setDatabaseName("postgres");
            ds.setUser("ops");
            return JdbcStateStore.create(ds, parts[2]);
        }
        throw new IllegalArgumentException("unknown store spec " + spec);
    }
}
