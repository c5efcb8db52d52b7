package ai.openclaw.cron;

import ai.openclaw.error.OpenClawException;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * When a cron job fires (OpenClaw's cron model, seed 004): {@code {kind:"every", everyMs}},
 * {@code {kind:"at", at}} or {@code {kind:"cron", expr, tz}} (five-field Unix cron, parsed by cron-utils).
 */
public sealed interface CronSchedule {
    /**
     * The first fire time strictly after {@code after}, or empty when there is none (a past {@code at}).
     *
     * @param anchor the job's anchor (its creation time) that {@code every} periods count from
     */
    Optional<Instant> nextAfter(Instant after, Instant anchor);

    /** The wire kind: {@code every}, {@code at} or {@code cron}. */
    String kind();

    /**
     * Every {@code everyMs} milliseconds, counted from the job's anchor.
     *
     * @param everyMs the period in milliseconds, at least 1000
     */
    record Every(long everyMs) implements CronSchedule {
        /** Validates the period. */
        public Every {
            if (everyMs < 1000) {
                throw OpenClawException.invalid("field 'schedule.everyMs' must be at least 1000, got " + everyMs);
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant anchor) {
            long a = anchor.toEpochMilli();
            long t = after.toEpochMilli();
            if (t < a) {
                return Optional.of(anchor.plusMillis(everyMs));
            }
            long k = (t - a) / everyMs + 1;
            return Optional.of(Instant.ofEpochMilli(a + k * everyMs));
        }

        @Override
        public String kind() {
            return "every";
        }
    }

    /**
     * Once, at an instant.
     *
     * @param at when to fire
     */
    record At(Instant at) implements CronSchedule {
        /** Validates the instant. */
        public At {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant anchor) {
            return at.isAfter(after) ? Optional.of(at) : Optional.empty();
        }

        @Override
        public String kind() {
            return "at";
        }
    }

    /**
     * A five-field Unix cron expression in a time zone.
     *
     * @param expr e.g. {@code 0 7 * * *}
     * @param tz an IANA zone id, e.g. {@code Asia/Shanghai}; null for UTC
     */
    record CronExpr(String expr, String tz) implements CronSchedule {
        private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(
                CronType.UNIX));

        /** Validates the expression and zone. */
        public CronExpr {
            if (expr == null || expr.isBlank()) {
                throw OpenClawException.invalid("field 'schedule.expr' is required for kind 'cron'");
            }
            parse(expr);
            zone(tz);
        }

        private static Cron parse(String expr) {
            try {
                Cron c = PARSER.parse(expr.trim());
                c.validate();
                return c;
            } catch (IllegalArgumentException e) {
                throw OpenClawException.invalid("field 'schedule.expr' is not a valid 5-field cron expression: "
                        + e.getMessage());
            }
        }

        private static ZoneId zone(String tz) {
            if (tz == null || tz.isBlank()) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneId.of(tz);
            } catch (DateTimeException e) {
                throw OpenClawException.invalid("field 'schedule.tz' is not a known time zone: '" + tz + "'");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant anchor) {
            return ExecutionTime.forCron(parse(expr)).nextExecution(after.atZone(zone(tz))).map(z -> z.toInstant());
        }

        @Override
        public String kind() {
            return "cron";
        }
    }
}
