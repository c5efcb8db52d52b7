package ai.openclaw.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema stamp that lets a current SQLite file open without Flyway ({@link SchemaStamp}). */
class SchemaStampTest {
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.*\\.sql");

    @TempDir
    Path dir;

    @Test
    void theStampIsTheHighestMigrationVersion() throws Exception {
        Path migrations = Path.of(SchemaStampTest.class.getResource("/db/migration").toURI());
        List<List<Integer>> versions;
        try (Stream<Path> files = Files.list(migrations)) {
            versions = files.map(p -> MIGRATION.matcher(p.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> Stream.of(m.group(1).split("_")).map(Integer::valueOf).toList()).toList();
        }
        assertThat(versions).isNotEmpty();
        List<Integer> highest = versions.stream().max(SchemaStampTest::compare).orElseThrow();
        assertThat(highest).as("raise SchemaStamp.VERSION with a new migration (a V%s_… minor version needs a "
                + "whole new major one)", highest).containsExactly(SchemaStamp.VERSION);
    }

    @Test
    void aMigratedFileIsStampedAndReopensWithItsData() throws Exception {
        Path file = dir.resolve("s.db");
        try (Database db = Database.sqlite(file)) {
            db.apiKeyStore();
        }
        assertThat(userVersion(file)).isEqualTo(SchemaStamp.VERSION);
        assertThat(appliedMigrations(file)).isGreaterThanOrEqualTo(10);
        try (Database db = Database.sqlite(file)) {
            assertThat(db.sessionStore().find("nope")).isEmpty();
        }
    }

    @Test
    void aFileFromBeforeStampsRunsFlywayAndIsStamped() throws Exception {
        Path file = dir.resolve("old.db");
        try (Database db = Database.sqlite(file)) {
            db.apiKeyStore();
        }
        exec(file, "PRAGMA user_version=0");
        int applied = appliedMigrations(file);
        try (Database db = Database.sqlite(file)) {
            db.apiKeyStore();
        }
        assertThat(userVersion(file)).isEqualTo(SchemaStamp.VERSION);
        assertThat(appliedMigrations(file)).as("nothing applied twice").isEqualTo(applied);
    }

    @Test
    void aMissingMigrationIsStillRunWhenTheStampIsOlder() throws Exception {
        Path file = dir.resolve("behind.db");
        try (Database db = Database.sqlite(file)) {
            db.apiKeyStore();
        }
        // as if the file had been made by a gateway from before V15 (which adds api_keys.tenant and its index)
        exec(file, "DROP INDEX api_keys_tenant");
        exec(file, "ALTER TABLE api_keys DROP COLUMN tenant");
        exec(file, "DELETE FROM flyway_schema_history WHERE version = '15'");
        exec(file, "PRAGMA user_version=14");
        int applied = appliedMigrations(file);
        try (Database db = Database.sqlite(file)) {
            db.apiKeyStore();
        }
        assertThat(appliedMigrations(file)).isEqualTo(applied + 1);
        assertThat(queryInt(file, "SELECT count(*) FROM pragma_table_info('api_keys') WHERE name = 'tenant'"))
                .isEqualTo(1);
        assertThat(userVersion(file)).isEqualTo(SchemaStamp.VERSION);
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static int userVersion(Path file) throws Exception {
        return queryInt(file, "PRAGMA user_version");
    }

    private static int appliedMigrations(Path file) throws Exception {
        return queryInt(file, "SELECT count(*) FROM flyway_schema_history WHERE success = 1");
    }

    private static int queryInt(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getInt(1);
        }
    }

    private static void exec(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
