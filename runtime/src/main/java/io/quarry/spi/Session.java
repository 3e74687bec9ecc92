package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The session a statement runs in: who runs it, the default catalog and schema, the time zone and the
 * session properties (Trino names, with underscores), as the client sent them.
 */
public record Session(
        QueryId queryId,
        String user,
        Optional<String> source,
        Optional<String> catalog,
        Optional<String> schema,
        ZoneId timeZone,
        String locale,
        Map<String, String> systemProperties,
        Map<String, Map<String, String>> catalogProperties,
        long startTimeMillis) {
    public Session {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(user, "user is null");
        requireNonNull(source, "source is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(locale, "locale is null");
        systemProperties = Map.copyOf(systemProperties);
        catalogProperties = Map.copyOf(catalogProperties);
    }

    public Optional<String> systemProperty(String name) {
        return Optional.ofNullable(systemProperties.get(name));
    }

    /** This session with system property {@code name} set to {@code value}. */
    public Session withSystemProperty(String name, String value) {
        Map<String, String> properties = new java.util.HashMap<>(systemProperties);
        properties.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return new Session(queryId, user, source, catalog, schema, timeZone, locale, properties, catalogProperties,
                startTimeMillis);
    }
}
