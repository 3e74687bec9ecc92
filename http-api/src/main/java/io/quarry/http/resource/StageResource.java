package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import io.quarry.client.QuarryService;
import io.quarry.client.QueryInfo;
import io.quarry.client.StageInfo;
import io.quarry.http.dto.StageInfoDocument;
import io.quarry.http.error.HttpStatusException;
import io.quarry.spi.StageId;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /v1/stage/{queryId}.{n}}: one stage of a query with its tasks and sub-stages, the same shape
 * as in QueryInfo's {@code outputStage}; unknown or malformed ids are 404. Needs a user; serves only the
 * query's owner.
 */
public final class StageResource extends AllDirectives {
    private final QuarryService service;
    private final CompletionStage<URI> externalBaseUri;

    public StageResource(QuarryService service, CompletionStage<URI> externalBaseUri) {
        this.service = requireNonNull(service, "service is null");
        this.externalBaseUri = requireNonNull(externalBaseUri, "externalBaseUri is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("stage", () ->
                path(PathMatchers.segment(), id -> concat(get(() -> stage(id)), delete(() -> cancel(id))))));
    }

    /** The clients' partial cancel: 204 whether or not the stage exists (unknown is a no-op). */
    private Route cancel(String idText) {
        return extractRequest(request -> {
            String user = RequestUser.require(request);
            StageId stageId = parseStageId(idText);
            CompletionStage<HttpResponse> response = service.queryInfo(stageId.queryId()).thenCompose(info -> {
                if (info.isEmpty()) {
                    return CompletableFuture.completedFuture(HttpResponse.create().withStatus(StatusCodes.NO_CONTENT));
                }
                RequestUser.checkOwner(user, info.get());
                return service.cancelStage(stageId)
                        .thenApply(ignored -> HttpResponse.create().withStatus(StatusCodes.NO_CONTENT));
            });
            return onSuccess(response, this::complete);
        });
    }

    private Route stage(String idText) {
        return extractRequest(request -> {
            String user = RequestUser.require(request);
            StageId stageId = parseStageId(idText);
            CompletionStage<HttpResponse> response = service.queryInfo(stageId.queryId()).thenCombine(externalBaseUri, (info, base) -> {
                QueryInfo query = info.orElseThrow(() -> notFound(stageId));
                RequestUser.checkOwner(user, query);
                StageInfo stage = query.outputStage().flatMap(root -> root.find(stageId)).orElseThrow(() -> notFound(stageId));
                return Responses.json(StageInfoDocument.of(stage, base));
            });
            return onSuccess(response, this::complete);
        });
    }

    private static HttpStatusException notFound(StageId stageId) {
        return new HttpStatusException(StatusCodes.NOT_FOUND, "Stage " + stageId + " not found");
    }

    private static StageId parseStageId(String text) {
        try {
            return StageId.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.NOT_FOUND, "Invalid stage id: " + text);
        }
    }
}
