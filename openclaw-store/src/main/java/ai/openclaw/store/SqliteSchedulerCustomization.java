package ai.openclaw.store;

import com.github.kagkarlsson.scheduler.jdbc.SqliteJdbcCustomization;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * db-scheduler's SQLite customization with a UTC {@link Calendar} per call instead of its one shared static
 * {@code UTC} calendar: sqlite-jdbc's {@code getTimestamp(column, calendar)} sets the calendar's time and reads it
 * back, so two scheduler threads reading executions at once could each get the other's time — an execution of one
 * cron job then fired with another job's execution time (a slot "missed", and a run at a time that is no slot).
 */
final class SqliteSchedulerCustomization extends SqliteJdbcCustomization {
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Override
    public void setInstant(PreparedStatement p, int index, Instant value) throws SQLException {
        p.setTimestamp(index, value == null ? null : Timestamp.from(value), utc());
    }

    @Override
    public Instant getInstant(ResultSet rs, String columnName) throws SQLException {
        Timestamp t = rs.getTimestamp(columnName, utc());
        return t == null ? null : t.toInstant();
    }

    private static Calendar utc() {
        return new GregorianCalendar(UTC);
    }
}
