package io.quarry.http.error;

import akka.http.javadsl.model.HttpEntity;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.server.RejectionHandler;

/**
 * Answers requests no route took: unknown paths 404, wrong methods 405 (with {@code Allow}), unsupported
 * content types 415, as Akka decides, but always as one line of {@code text/plain; charset=utf-8}.
 */
public final class ApiRejectionHandler {
    private ApiRejectionHandler() {}

    public static RejectionHandler create() {
        return RejectionHandler.defaultHandler().mapRejectionResponse(ApiRejectionHandler::asText);
    }

    private static HttpResponse asText(HttpResponse response) {
        if (response.entity() instanceof HttpEntity.Strict strict) {
            String body = strict.getData().utf8String();
            return TextResponses.text(response.status(), body).addHeaders(response.getHeaders());
        }
        return TextResponses.text(response.status(), response.status().reason());
    }
}
