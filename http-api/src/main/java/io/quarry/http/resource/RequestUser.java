package io.quarry.http.resource;

import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.StatusCodes;
import io.quarry.client.QueryInfo;
import io.quarry.http.error.HttpStatusException;
import io.quarry.http.header.ProtocolHeaders;
import io.quarry.http.header.SessionHeaderParser;

/** Who asks, for the routes that serve a query's owner: a user is required (401), another user's query is 403. */
final class RequestUser {
    private RequestUser() {}

    /** The user the request names; throws 401 when it names none. */
    static String require(HttpRequest request) {
        ProtocolHeaders protocol = ProtocolHeaders.detect(request.getHeaders());
        return protocol.user(request.getHeaders()).orElseThrow(() -> SessionHeaderParser.missingUser(protocol));
    }

    /** Throws 403 unless {@code user} runs the query. */
    static void checkOwner(String user, QueryInfo query) {
        if (!query.session().user().equals(user)) {
            throw new HttpStatusException(
                    StatusCodes.FORBIDDEN, "Access Denied: user " + user + " cannot access query " + query.queryId());
        }
    }
}
