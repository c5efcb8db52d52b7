package ai.openclaw.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The schema version a SQLite database file was last migrated to, kept in SQLite's {@code PRAGMA user_version}
 * (which nothing else in the gateway uses). Flyway finds what to run by scanning the class path for migrations and
 * reading its history table — about a quarter of a restart's time to ready (docs/BENCHMARKS.md) — so a file stamped
 * with {@link #VERSION} after a successful migration opens without it. Any other stamp (0 for a file from before
 * stamps, or a newer one from a later gateway) runs Flyway as before, which migrates or refuses as it always has.
 */
final class SchemaStamp {
    /**
     * The highest migration's major version under {@code db/migration} ({@code V15__…}); {@code SchemaStampTest}
     * fails when a migration is added without raising it.
     */
    static final int VERSION = 15;

    private SchemaStamp() {
    }

    /** Whether the database's stamp is {@link #VERSION}; false when it cannot be read. */
    static boolean isCurrent(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            return rs.next() && rs.getInt(1) == VERSION;
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Stamps the database with {@link #VERSION}; call only after Flyway migrated it.
     *
     * @throws IllegalStateException if the pragma cannot be written
     */
    static void stamp(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version=" + VERSION);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the schema version: " + e.getMessage(), e);
        }
    }
}
