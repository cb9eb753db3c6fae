package dev.ops.core.store;

import dev.ops.core.error.ConnectionException;
import dev.ops.core.error.CorruptRecordException;
import dev.ops.core.error.OpsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A state store in PostgreSQL, for several controllers on several machines sharing one journal,
 * one audit log and one set of allocations. Compare-and-set is a single conditional
 * {@code UPDATE}/{@code INSERT ... ON CONFLICT DO NOTHING}, so it is atomic without locks held
 * across round trips. The PostgreSQL JDBC driver is the caller's runtime dependency.
 *
 * <p>{@link Durability#RELAXED} writes are written durably too: the records they are meant for
 * (locks, processes) belong to controllers on other machines, which a crash of the database server
 * does not stop, so losing them there would not be harmless.
 *
 * <pre>{@code
 * StateStore store = JdbcStateStore.create(dataSource, "ops_state");   // creates the table if missing
 * }</pre>
 */
public final class JdbcStateStore implements StateStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateStore.class);
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String table;

    private JdbcStateStore(DataSource dataSource, String table) {
        this.dataSource = dataSource;
        this.table = table;
    }

    /** A store in {@code table} (created if absent) of the database behind {@code dataSource}. */
    public static JdbcStateStore create(DataSource dataSource, String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new dev.ops.core.error.ValidationException("jdbc state store",
                    List.of(new dev.ops.core.error.Violation("table", "must match " + TABLE.pattern() + ", was " + table)));
        }
        JdbcStateStore store = new JdbcStateStore(dataSource, table);
        store.execute(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + table
                        + " (key text PRIMARY KEY COLLATE \"C\", value bytea NOT NULL, version bigint NOT NULL)");
            }
            return null;
        });
        return store;
    }

    @Override
    public Optional<Versioned> get(String key) {
        Keys.check(key);
        return execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value, version FROM " + table + " WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    byte[] value = rs.getBytes(1);
                    long version = rs.getLong(2);
                    if (value == null || version <= 0) {
                        throw new CorruptRecordException(key, locationOf(key), value == null ? "value is null" : "version " + version + " is not positive");
                    }
                    return Optional.of(new Versioned(value, version));
                }
            }
        });
    }

    @Override
    public long put(String key, byte[] value) {
        Keys.check(key);
        return execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (key, value, version) VALUES (?, ?, 1) "
                    + "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, version = " + table + ".version + 1 RETURNING version")) {
                ps.setString(1, key);
                ps.setBytes(2, value);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public boolean compareAndSet(String key, long expectedVersion, byte[] value) {
        Keys.check(key);
        return execute(c -> {
            String sql = expectedVersion == ABSENT
                    ? "INSERT INTO " + table + " (key, value, version) VALUES (?, ?, 1) ON CONFLICT (key) DO NOTHING"
                    : "UPDATE " + table + " SET value = ?, version = version + 1 WHERE key = ? AND version = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (expectedVersion == ABSENT) {
                    ps.setString(1, key);
                    ps.setBytes(2, value);
                } else {
                    ps.setBytes(1, value);
                    ps.setString(2, key);
                    ps.setLong(3, expectedVersion);
                }
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean compareAndDelete(String key, long expectedVersion) {
        Keys.check(key);
        return execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE key = ? AND version = ?")) {
                ps.setString(1, key);
                ps.setLong(2, expectedVersion);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public List<Entry> list(String prefix) {
        Scan scan = scan(prefix);
        scan.unreadable().forEach(u -> LOG.warn("state store: skipping unreadable record {}", u));
        return scan.entries();
    }

    @Override
    public String locationOf(String key) {
        return "table " + table + ", key " + key;
    }

    /** Rows whose value is null or whose version is not positive (written by hand, or by another program) are reported, not returned. */
    @Override
    public Scan scan(String prefix) {
        return execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, version FROM " + table
                    + " WHERE starts_with(key, ?) ORDER BY key")) {
                ps.setString(1, prefix);
                List<Entry> out = new ArrayList<>();
                List<UnreadableRecord> unreadable = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        byte[] value = rs.getBytes(2);
                        long version = rs.getLong(3);
                        if (value == null || version <= 0) {
                            unreadable.add(new UnreadableRecord(key, locationOf(key), value == null ? "value is null" : "version " + version + " is not positive"));
                        } else {
                            out.add(new Entry(key, new Versioned(value, version)));
                        }
                    }
                }
                return new Scan(out, unreadable);
            }
        });
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T execute(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("08")) {
                throw new ConnectionException("state store " + table, "database unreachable: " + e.getMessage(), e);
            }
            throw new OpsException("state store " + table + ": " + e.getMessage() + " (SQLSTATE " + state + ")", e);
        }
    }
}
