package io.quarry.http.header;

import akka.http.javadsl.model.HttpHeader;
import io.quarry.client.SessionUpdates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders a statement's session changes as the protocol's response headers ({@code Set-Catalog},
 * {@code Set-Session}, {@code Added-Prepare}, …) in the request's prefix; values URL-encoded as Java's
 * {@code URLEncoder} does. Sorted, so that repeated answers are identical.
 */
public final class SessionUpdateHeaders {
    private SessionUpdateHeaders() {}

    public static List<HttpHeader> render(ProtocolHeaders protocol, SessionUpdates updates) {
        List<HttpHeader> headers = new ArrayList<>();
        updates.setCatalog().ifPresent(catalog -> headers.add(header(protocol, "Set-Catalog", catalog)));
        updates.setSchema().ifPresent(schema -> headers.add(header(protocol, "Set-Schema", schema)));
        for (Map.Entry<String, String> property : new TreeMap<>(updates.setSessionProperties()).entrySet()) {
            headers.add(header(protocol, "Set-Session", property.getKey() + "=" + encode(property.getValue())));
        }
        for (String property : new TreeSet<>(updates.resetSessionProperties())) {
            headers.add(header(protocol, "Clear-Session", property));
        }
        for (Map.Entry<String, String> statement : new TreeMap<>(updates.addedPreparedStatements()).entrySet()) {
            headers.add(header(protocol, "Added-Prepare", encode(statement.getKey()) + "=" + encode(statement.getValue())));
        }
        for (String statement : new TreeSet<>(updates.deallocatedPreparedStatements())) {
            headers.add(header(protocol, "Deallocated-Prepare", encode(statement)));
        }
        updates.startedTransactionId().ifPresent(id -> headers.add(header(protocol, "Started-Transaction-Id", id)));
        if (updates.clearTransactionId()) {
            headers.add(header(protocol, "Clear-Transaction-Id", "true"));
        }
        return headers;
    }

    private static HttpHeader header(ProtocolHeaders protocol, String suffix, String value) {
        return HttpHeader.parse(protocol.name(suffix), value);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
