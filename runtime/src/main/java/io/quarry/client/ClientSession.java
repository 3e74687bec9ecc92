package io.quarry.client;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client states about its session when it submits a statement (the protocol's request headers,
 * already parsed and validated at the edge). {@code transactionId} is {@code NONE} or the id of the
 * client's transaction, and empty when the client does not support transactions.
 */
public record ClientSession(
        String user,
        Optional<String> source,
        Optional<String> catalog,
        Optional<String> schema,
        ZoneId timeZone,
        String locale,
        Map<String, String> systemProperties,
        Map<String, Map<String, String>> catalogProperties,
        Map<String, String> preparedStatements,
        Optional<String> traceToken,
        Optional<String> clientInfo,
        Set<String> clientTags,
        Set<String> clientCapabilities,
        Optional<String> transactionId) {
    public ClientSession {
        requireNonNull(user, "user is null");
        requireNonNull(source, "source is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(timeZone, "timeZone is null");
        requireNonNull(locale, "locale is null");
        systemProperties = Map.copyOf(systemProperties);
        catalogProperties = Map.copyOf(catalogProperties);
        preparedStatements = Map.copyOf(preparedStatements);
        requireNonNull(traceToken, "traceToken is null");
        requireNonNull(clientInfo, "clientInfo is null");
        clientTags = Set.copyOf(clientTags);
        clientCapabilities = Set.copyOf(clientCapabilities);
        requireNonNull(transactionId, "transactionId is null");
    }

    /** A session of a client that does not support transactions. */
    public ClientSession(
            String user,
            Optional<String> source,
            Optional<String> catalog,
            Optional<String> schema,
            ZoneId timeZone,
            String locale,
            Map<String, String> systemProperties,
            Map<String, Map<String, String>> catalogProperties,
            Map<String, String> preparedStatements,
            Optional<String> traceToken,
            Optional<String> clientInfo,
            Set<String> clientTags,
            Set<String> clientCapabilities) {
        this(user, source, catalog, schema, timeZone, locale, systemProperties, catalogProperties, preparedStatements,
                traceToken, clientInfo, clientTags, clientCapabilities, Optional.empty());
    }

    /** A session with only a user and defaults for everything else (UTC, en-US). */
    public static ClientSession forUser(String user) {
        return new ClientSession(
                user, Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.of("UTC"), "en-US",
                Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Set.of(), Set.of());
    }

    public ClientSession withCatalogSchema(String catalog, String schema) {
        return new ClientSession(
                user, source, Optional.of(catalog), Optional.ofNullable(schema), timeZone, locale, systemProperties,
                catalogProperties, preparedStatements, traceToken, clientInfo, clientTags, clientCapabilities, transactionId);
    }
}
