package io.quarry.client;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.QueryId;

/** A submitted query: its id and the per-query secret (slug) that guards its result URIs. */
public record QueryHandle(QueryId queryId, String slug) {
    public QueryHandle {
        requireNonNull(queryId, "queryId is null");
        requireNonNull(slug, "slug is null");
    }
}
