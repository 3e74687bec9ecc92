package io.quarry.client;

/**
 * A result request that cannot be served. NOT_FOUND: unknown query, wrong slug, or a token past the
 * end (HTTP 404). GONE: a token older than the last one served (HTTP 410).
 */
public record FetchRejected(Reason reason, String message) implements FetchResult {
    public enum Reason {
        NOT_FOUND,
        GONE
    }
}
