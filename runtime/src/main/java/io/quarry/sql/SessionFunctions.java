package io.quarry.sql;

import io.quarry.plan.expression.Constant;
import io.quarry.spi.Session;
import io.quarry.type.DateTimeValues;
import io.quarry.type.TemporalTypes;
import io.quarry.type.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * The values of current_date, current_timestamp, now(), localtimestamp, current_timezone() and of the session's
 * current_user, current_catalog, current_schema and current_path: fixed for a
 * statement, from its start time and time zone, so they are constants of the plan (as in Trino, where they
 * are the same on every row and every node).
 */
final class SessionFunctions {
    private static final ThreadLocal<Planning> PLANNING = new ThreadLocal<>();

    /** The statement being planned, and whether its plan holds a value of its start time. */
    private static final class Planning {
        final Session session;
        boolean readStartTime;

        Planning(Session session) {
            this.session = session;
        }
    }

    /** What planning produced, and whether it holds the statement's start time (then it is only good for it). */
    record Planned<T>(T result, boolean readStartTime) {}

    private SessionFunctions() {}

    /** Runs {@code planning} with {@code session} as the statement whose constants are asked for. */
    static <T> Planned<T> withSession(Session session, Supplier<T> planning) {
        Planning previous = PLANNING.get();
        Planning current = new Planning(session);
        PLANNING.set(current);
        try {
            T result = planning.get();
            return new Planned<>(result, current.readStartTime);
        } finally {
            if (previous == null) {
                PLANNING.remove();
            } else {
                PLANNING.set(previous);
            }
        }
    }

    /** The time zone of the statement being planned (UTC outside planning). */
    static ZoneId zone() {
        Planning planning = PLANNING.get();
        return planning == null ? ZoneOffset.UTC : planning.session.timeZone();
    }

    private static long startMillis() {
        Planning planning = PLANNING.get();
        if (planning == null) {
            return System.currentTimeMillis();
        }
        planning.readStartTime = true;
        Session session = planning.session;
        return session.startTimeMillis() <= 0 ? System.currentTimeMillis() : session.startTimeMillis();
    }

    /** The value of a session function of that (lower-case) name, or null if it is none. */
    static Constant constant(String name) {
        Constant context = sessionContext(name);
        if (context != null) {
            return context;
        }
        long millis = startMillis();
        ZoneId zone = zone();
        return switch (name) {
            case "current_date" -> new Constant(Instant.ofEpochMilli(millis).atZone(zone).toLocalDate().toEpochDay(), Types.DATE);
            case "current_timestamp", "now" -> new Constant(
                    DateTimeValues.packWithZone(millis, DateTimeValues.zoneKey(zone)), TemporalTypes.timestampWithTimeZone(3));
            case "localtimestamp" -> {
                long localMillis = millis + zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
                yield new Constant(localMillis * DateTimeValues.MICROS_PER_MILLI, TemporalTypes.timestamp(3));
            }
            case "localtime" -> {
                long localMillis = millis + zone.getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds() * 1000L;
                long picos = Math.floorMod(localMillis, DateTimeValues.MILLIS_PER_DAY) * 1_000_000_000L;
                yield new Constant(picos, TemporalTypes.time(3));
            }
            case "current_timezone" -> new Constant(
                    zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? "UTC" : zone.getId(),
                    Types.VARCHAR);
            default -> null;
        };
    }

    /** current_time at the precision of {@code type}: the statement's start in the session's zone, with its offset then. */
    static Constant currentTime(io.quarry.type.Type type) {
        long millis = startMillis();
        int offsetSeconds = zone().getRules().getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
        long localPicos = Math.floorMod(millis + offsetSeconds * 1000L, DateTimeValues.MILLIS_PER_DAY) * 1_000_000_000L;
        io.quarry.type.TimeWithTimeZoneType zoned = (io.quarry.type.TimeWithTimeZoneType) type;
        return ZonedTimeLiteral.constant(io.quarry.type.TimeWithTimeZoneType.roundPicos(localPicos, zoned.precision()), offsetSeconds / 60, zoned);
    }

    /** current_user, current_catalog, current_schema (NULL when the session has none) and current_path (empty). */
    private static Constant sessionContext(String name) {
        Planning planning = PLANNING.get();
        Session session = planning == null ? null : planning.session;
        return switch (name) {
            case "current_user" -> new Constant(session == null ? "" : session.user(), Types.VARCHAR);
            case "current_catalog" -> new Constant(session == null ? null : session.catalog().orElse(null), Types.VARCHAR);
            case "current_schema" -> new Constant(session == null ? null : session.schema().orElse(null), Types.VARCHAR);
            case "current_path" -> new Constant("", Types.VARCHAR);
            default -> null;
        };
    }
}
