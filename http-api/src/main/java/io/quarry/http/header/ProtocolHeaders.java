package io.quarry.http.header;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.StatusCodes;
import io.quarry.http.error.HttpStatusException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header dialect of a request, {@code X-Presto-} or {@code X-Trino-}: detected from each request (any
 * {@code X-Trino-} header means Trino, none of either means Presto), and used for every header of the answer.
 * Clients re-send {@code User} on result requests, so nothing needs to be remembered per query.
 */
public enum ProtocolHeaders {
    PRESTO("X-Presto-"),
    TRINO("X-Trino-");

    private final String prefix;
    private final String lowerCasePrefix;

    ProtocolHeaders(String prefix) {
        this.prefix = prefix;
        this.lowerCasePrefix = prefix.toLowerCase(Locale.ROOT);
    }

    /** {@code X-Presto-} or {@code X-Trino-}. */
    public String prefix() {
        return prefix;
    }

    /** The full header name of a suffix, e.g. {@code X-Trino-Set-Catalog}. */
    public String name(String suffix) {
        return prefix + suffix;
    }

    /**
     * The dialect of a request's headers.
     *
     * @throws HttpStatusException 400 when the request mixes both prefixes (Trino rejects that too)
     */
    public static ProtocolHeaders detect(Iterable<HttpHeader> headers) {
        boolean trino = false;
        boolean presto = false;
        for (HttpHeader header : headers) {
            String name = header.lowercaseName();
            trino |= name.startsWith(TRINO.lowerCasePrefix);
            presto |= name.startsWith(PRESTO.lowerCasePrefix);
        }
        if (trino && presto) {
            throw new HttpStatusException(
                    StatusCodes.BAD_REQUEST, "Request carries both X-Trino- and X-Presto- headers; use one protocol");
        }
        return trino ? TRINO : PRESTO;
    }

    /** The values of every header {@code prefix + suffix}, in request order. */
    public List<String> values(Iterable<HttpHeader> headers, String suffix) {
        String wanted = lowerCasePrefix + suffix.toLowerCase(Locale.ROOT);
        List<String> values = new ArrayList<>();
        for (HttpHeader header : headers) {
            if (header.lowercaseName().equals(wanted)) {
                values.add(header.value());
            }
        }
        return values;
    }

    /** The first non-blank value of {@code prefix + suffix}, trimmed. */
    public Optional<String> value(Iterable<HttpHeader> headers, String suffix) {
        return values(headers, suffix).stream().map(String::strip).filter(value -> !value.isEmpty()).findFirst();
    }

    /** The request's user ({@code X-…-User}), if any. */
    public Optional<String> user(Iterable<HttpHeader> headers) {
        return value(headers, "User");
    }
}
