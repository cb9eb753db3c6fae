package dev.ops.core.store;

import dev.ops.core.error.ConnectionException;
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

/**
 * A state store in PostgreSQL, for several controllers on several machines sharing one journal,
 * one audit log and one set of allocations. Compare-and-set is a single conditional
 * {@code UPDATE}/{@code INSERT ... ON CONFLICT DO NOTHING}, so it is atomic without locks held
 * across round trips. The PostgreSQL JDBC driver is the caller's runtime dependency.
 *
 * <pre>{@code
 * StateStore store = JdbcStateStore.create(dataSource, "ops_state");   // creates the table if missing
 * }</pre>
 */
public final class JdbcStateStore implements StateStore {
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
                    return rs.next() ? Optional.of(new Versioned(rs.getBytes(1), rs.getLong(2))) : Optional.empty();
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
        return execute(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value, version FROM " + table
                    + " WHERE starts_with(key, ?) ORDER BY key")) {
                ps.setString(1, prefix);
                List<Entry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getString(1), new Versioned(rs.getBytes(2), rs.getLong(3))));
                    }
                }
                return out;
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
