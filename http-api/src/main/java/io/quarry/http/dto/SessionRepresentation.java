package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarry.spi.Session;
import java.util.Map;

/**
 * The {@code session} of a BasicQueryInfo: who runs the query, its defaults and properties (never
 * credentials). The engine's session carries no numeric time zone key, so {@code timeZoneKey} is left out
 * and the zone travels by name as {@code timeZone}.
 */
public record SessionRepresentation(
        @JsonProperty("queryId") String queryId,
        @JsonProperty("user") String user,
        @JsonProperty("source") String source,
        @JsonProperty("catalog") String catalog,
        @JsonProperty("schema") String schema,
        @JsonProperty("timeZone") String timeZone,
        @JsonProperty("locale") String locale,
        @JsonProperty("startTime") long startTime,
        @JsonProperty("systemProperties") Map<String, String> systemProperties,
        @JsonProperty("catalogProperties") Map<String, Map<String, String>> catalogProperties) {
    public SessionRepresentation {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(user, "user is null");
        systemProperties = Map.copyOf(systemProperties);
        catalogProperties = Map.copyOf(catalogProperties);
    }

    public static SessionRepresentation of(Session session) {
        return new SessionRepresentation(
                session.queryId().toString(),
                session.user(),
                session.source().orElse(null),
                session.catalog().orElse(null),
                session.schema().orElse(null),
                session.timeZone().getId(),
                session.locale(),
                session.startTimeMillis(),
                session.systemProperties(),
                session.catalogProperties());
    }
}
