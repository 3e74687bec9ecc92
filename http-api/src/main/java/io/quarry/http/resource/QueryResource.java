package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import io.quarry.client.KillResult;
import io.quarry.client.QuarryService;
import io.quarry.client.QueryInfo;
import io.quarry.client.QueryState;
import io.quarry.http.dto.BasicQueryInfo;
import io.quarry.http.dto.QueryInfoDocument;
import io.quarry.http.error.HttpStatusException;
import io.quarry.http.error.TextResponses;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QueryId;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code /v1/query}: the caller's queries, running or kept after their end ({@code GET}, optionally filtered
 * by {@code state}), one query with its stage tree ({@code GET /{queryId}}, 410 once unknown), cancel by id
 * ({@code DELETE}, 204 even for unknown ids) and the administrative kill and preemption ({@code PUT
 * …/killed}, {@code …/preempted}: 202, 409 when the query is done, 410 when unknown). Every route needs a
 * user and serves only the query's owner; a malformed id is 404.
 */
public final class QueryResource extends AllDirectives {
    private final QuarryService service;
    private final CompletionStage<URI> externalBaseUri;

    public QueryResource(QuarryService service, CompletionStage<URI> externalBaseUri) {
        this.service = requireNonNull(service, "service is null");
        this.externalBaseUri = requireNonNull(externalBaseUri, "externalBaseUri is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("query", () -> concat(
                pathEndOrSingleSlash(() -> get(this::list)),
                path(PathMatchers.segment(), id -> concat(get(() -> info(id)), delete(() -> cancel(id)))),
                path(PathMatchers.segment().slash("killed"), id -> put(
                        () -> kill(id, ErrorCode.ADMINISTRATIVELY_KILLED, "Query killed."))),
                path(PathMatchers.segment().slash("preempted"), id -> put(
                        () -> kill(id, ErrorCode.ADMINISTRATIVELY_PREEMPTED, "Query preempted."))))));
    }

    private Route list() {
        return extractRequest(request -> {
            String user = RequestUser.require(request);
            return parameterOptional("state", stateText -> {
                Set<QueryState> states = stateText.map(QueryResource::parseStates).orElse(EnumSet.allOf(QueryState.class));
                CompletionStage<HttpResponse> response = service.queries().thenCombine(externalBaseUri, (queries, base) -> {
                    List<BasicQueryInfo> visible = queries.stream()
                            .filter(query -> query.session().user().equals(user) && states.contains(query.state()))
                            .map(query -> BasicQueryInfo.of(query, base))
                            .toList();
                    return Responses.json(visible);
                });
                return onSuccess(response, this::complete);
            });
        });
    }

    private Route info(String idText) {
        return extractRequest(request -> {
            String user = RequestUser.require(request);
            QueryId queryId = parseQueryId(idText);
            CompletionStage<HttpResponse> response = service.queryInfo(queryId).thenCombine(externalBaseUri, (info, base) -> {
                QueryInfo query = info.orElseThrow(() -> gone(queryId));
                RequestUser.checkOwner(user, query);
                return Responses.json(QueryInfoDocument.of(query, base));
            });
            return onSuccess(response, this::complete);
        });
    }

    private Route cancel(String idText) {
        return extractRequest(request -> {
            String user = RequestUser.require(request);
            QueryId queryId = parseQueryId(idText);
            CompletionStage<HttpResponse> response = service.queryInfo(queryId).thenCompose(info -> {
                if (info.isEmpty()) {
                    return CompletableFuture.completedFuture(Responses.noContent());
                }
                RequestUser.checkOwner(user, info.get());
                return service.kill(queryId, ErrorCode.USER_CANCELED, "Query was canceled")
                        .thenApply(result -> Responses.noContent());
            });
            return onSuccess(response, this::complete);
        });
    }

    private Route kill(String idText, ErrorCode errorCode, String prefix) {
        return extractRequest(request -> entity(Unmarshaller.entityToString(), body -> {
            String user = RequestUser.require(request);
            QueryId queryId = parseQueryId(idText);
            String message = body.isBlank() ? prefix + " No message provided." : prefix + " Message: " + body.strip();
            CompletionStage<HttpResponse> response = service.queryInfo(queryId).thenCompose(info -> {
                QueryInfo query = info.orElseThrow(() -> gone(queryId));
                RequestUser.checkOwner(user, query);
                return service.kill(queryId, errorCode, message).thenApply(result -> killResponse(queryId, result));
            });
            return onSuccess(response, this::complete);
        }));
    }

    private static HttpResponse killResponse(QueryId queryId, KillResult result) {
        return switch (result) {
            case KILLED -> HttpResponse.create().withStatus(StatusCodes.ACCEPTED);
            case ALREADY_DONE -> TextResponses.text(StatusCodes.CONFLICT, "Query " + queryId + " is already done");
            case NOT_FOUND -> TextResponses.text(StatusCodes.GONE, "Query " + queryId + " not found");
        };
    }

    private static HttpStatusException gone(QueryId queryId) {
        return new HttpStatusException(StatusCodes.GONE, "Query " + queryId + " not found");
    }

    /** A query id from a path; a malformed one is 404, as for an unknown route. */
    static QueryId parseQueryId(String text) {
        try {
            return QueryId.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.NOT_FOUND, "Invalid query id: " + text);
        }
    }

    private static Set<QueryState> parseStates(String text) {
        Set<QueryState> states = EnumSet.noneOf(QueryState.class);
        for (String part : text.split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            Optional<QueryState> state = EnumSet.allOf(QueryState.class).stream()
                    .filter(candidate -> candidate.name().equals(name))
                    .findFirst();
            states.add(state.orElseThrow(() -> new HttpStatusException(
                    StatusCodes.BAD_REQUEST, "Invalid state: '" + part.strip() + "' is not a query state")));
        }
        return states;
    }
}
