package io.quarry.http.resource;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import io.quarry.http.dto.WireJson;

/** Answers shared by the resources: JSON documents typed {@code application/json}, and empty answers. */
final class Responses {
    private Responses() {}

    static HttpResponse json(Object document) {
        return HttpResponse.create().withEntity(ContentTypes.APPLICATION_JSON, WireJson.toBytes(document));
    }

    static HttpResponse ok() {
        return HttpResponse.create().withStatus(StatusCodes.OK);
    }

    static HttpResponse noContent() {
        return HttpResponse.create().withStatus(StatusCodes.NO_CONTENT);
    }

    static HttpResponse notFound() {
        return HttpResponse.create().withStatus(StatusCodes.NOT_FOUND);
    }
}
