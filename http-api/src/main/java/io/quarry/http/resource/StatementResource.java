package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import io.quarry.client.FetchRejected;
import io.quarry.client.FetchResult;
import io.quarry.client.QuarryService;
import io.quarry.client.QueryHandle;
import io.quarry.client.QueryStatistics;
import io.quarry.client.QueryState;
import io.quarry.client.ResultBatch;
import io.quarry.client.ResultColumn;
import io.quarry.client.ResultPhase;
import io.quarry.client.StageStatistics;
import io.quarry.http.dto.Column;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;
import io.quarry.http.dto.QueryError;
import io.quarry.http.dto.QueryResults;
import io.quarry.http.dto.ResultData;
import io.quarry.http.dto.StatementStats;
import io.quarry.http.dto.WireJson;
import io.quarry.http.error.HttpStatusException;
import io.quarry.http.error.TextResponses;
import io.quarry.http.header.InternalToken;
import io.quarry.http.header.ProtocolHeaders;
import io.quarry.http.header.RequestSession;
import io.quarry.http.header.SessionHeaderParser;
import io.quarry.http.header.SessionUpdateHeaders;
import io.quarry.http.server.HttpServerSettings;
import io.quarry.spi.QueryId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code /v1/statement}: submit a statement ({@code POST}), then follow {@code nextUri}
 * ({@code GET …/{queued|executing}/{queryId}/{slug}/{token}}), cancel it ({@code DELETE} on a result URI),
 * keep it alive ({@code HEAD} on a result URI) or check credentials ({@code HEAD /v1/statement}). Answers in
 * the header prefix of each request; slug and token rules are the service's.
 */
public final class StatementResource extends AllDirectives {
    private static final String QUERY_NOT_FOUND = "Query not found";

    private final QuarryService service;
    private final HttpServerSettings settings;
    private final CompletionStage<URI> externalBaseUri;
    /**
     * The running queries whose client announced the {@code PARAMETRIC_DATETIME} capability when it submitted them
     * (clients send it with the POST only): their date-time columns keep their precision. Bounded, in case a client
     * never reads its query to the end.
     */
    private final java.util.Set<QueryId> parametricDatetimeQueries = java.util.Collections.newSetFromMap(
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<QueryId, Boolean> eldest) {
                    return size() > 10_000;
                }
            }));

    /**
     * @param externalBaseUri completes with {@code http://host:boundPort} once the server is bound; requests
     *     that need it wait for it (they cannot arrive much earlier)
     */
    public StatementResource(QuarryService service, HttpServerSettings settings, CompletionStage<URI> externalBaseUri) {
        this.service = requireNonNull(service, "service is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.externalBaseUri = requireNonNull(externalBaseUri, "externalBaseUri is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("statement", () -> concat(
                pathEndOrSingleSlash(() -> concat(post(this::submit), head(this::checkUser))),
                path(PathMatchers.segments(4), this::resultRoutes))));
    }

    private Route submit() {
        return extractRequest(request -> {
            // Node-to-node credentials are for internal routes; they never start a query (as Trino).
            if (InternalToken.HEADERS.stream().anyMatch(name -> request.getHeader(name).isPresent())) {
                throw new HttpStatusException(StatusCodes.FORBIDDEN, "Internal credentials cannot start queries");
            }
            ProtocolHeaders protocol = ProtocolHeaders.detect(request.getHeaders());
            if (protocol.user(request.getHeaders()).isEmpty()) {
                throw SessionHeaderParser.missingUser(protocol);
            }
            return entity(Unmarshaller.entityToString(), sql -> {
                if (sql.isBlank()) {
                    throw new HttpStatusException(StatusCodes.BAD_REQUEST, "SQL statement is empty");
                }
                RequestSession session = SessionHeaderParser.parse(protocol, request.getHeaders());
                boolean parametricDatetime = session.session().clientCapabilities().contains("PARAMETRIC_DATETIME");
                CompletionStage<HttpResponse> response = service.submit(session.session(), sql)
                        .thenCombine(externalBaseUri, (handle, base) -> {
                            if (parametricDatetime) {
                                parametricDatetimeQueries.add(handle.queryId());
                            }
                            return Responses.json(queuedResults(handle, base));
                        });
                return onSuccess(response, this::complete);
            });
        });
    }

    private Route checkUser() {
        return extractRequest(request -> {
            ProtocolHeaders protocol = ProtocolHeaders.detect(request.getHeaders());
            if (protocol.user(request.getHeaders()).isEmpty()) {
                throw SessionHeaderParser.missingUser(protocol);
            }
            return complete(Responses.ok());
        });
    }

    private Route resultRoutes(List<String> segments) {
        Optional<ResultPhase> phase = phase(segments.get(0));
        Optional<QueryId> queryId = queryId(segments.get(1));
        String slug = segments.get(2);
        Optional<Long> token = token(segments.get(3));
        if (phase.isEmpty()) {
            return reject();
        }
        return extractRequest(request -> {
            // Detected (and a mixed request refused) before anything else, as on every statement route.
            ProtocolHeaders protocol = ProtocolHeaders.detect(request.getHeaders());
            if (queryId.isEmpty() || token.isEmpty() || slug.isEmpty()) {
                return concat(
                        get(() -> complete(TextResponses.text(StatusCodes.NOT_FOUND, QUERY_NOT_FOUND))),
                        delete(() -> complete(TextResponses.text(StatusCodes.NOT_FOUND, QUERY_NOT_FOUND))),
                        head(() -> complete(Responses.notFound())));
            }
            QueryHandle handle = new QueryHandle(queryId.get(), slug);
            return concat(
                    get(() -> fetch(protocol, handle, phase.get(), token.get())),
                    delete(() -> onSuccess(service.cancel(handle), canceled -> complete(
                            canceled ? Responses.noContent() : TextResponses.text(StatusCodes.NOT_FOUND, QUERY_NOT_FOUND)))),
                    head(() -> onSuccess(service.heartbeat(handle), alive -> complete(
                            alive ? Responses.ok() : Responses.notFound()))));
        });
    }

    private Route fetch(ProtocolHeaders protocol, QueryHandle handle, ResultPhase phase, long token) {
        return parameterOptional("maxWait", maxWaitText -> parameterOptional("targetResultSize", sizeText -> {
            Duration maxWait = maxWaitText.map(StatementResource::parseMaxWait)
                    .map(wait -> wait.compareTo(settings.maxWait()) < 0 ? wait : settings.maxWait())
                    .orElse(settings.maxWait());
            long targetBytes = sizeText.map(StatementResource::parseTargetResultSize)
                    .map(size -> Math.max(1, Math.min(size, settings.maxTargetResultBytes())))
                    .orElse(settings.defaultTargetResultBytes());
            CompletionStage<HttpResponse> response = service.fetch(handle, phase, token, maxWait, targetBytes)
                    .thenCombine(externalBaseUri, (result, base) -> toResponse(protocol, handle, result, base,
                            parametricDatetimeQueries.contains(handle.queryId())));
            return onSuccess(response, this::complete);
        }));
    }

    private HttpResponse toResponse(
            ProtocolHeaders protocol, QueryHandle handle, FetchResult result, URI base, boolean parametricDatetime) {
        if (result instanceof FetchRejected rejected) {
            return switch (rejected.reason()) {
                case NOT_FOUND -> TextResponses.text(StatusCodes.NOT_FOUND, QUERY_NOT_FOUND);
                case GONE -> TextResponses.text(
                        StatusCodes.GONE,
                        rejected.message() == null || rejected.message().isBlank()
                                ? "Result token is no longer available"
                                : rejected.message());
            };
        }
        ResultBatch batch = (ResultBatch) result;
        List<HttpHeader> headers = SessionUpdateHeaders.render(protocol, batch.sessionUpdates());
        return HttpResponse.create()
                .withEntity(ContentTypes.APPLICATION_JSON, WireJson.toBytes(queryResults(handle, batch, base, parametricDatetime)))
                .addHeaders(headers);
    }

    /** The QueryResults of one batch: absolute URIs from the configured base, rows only with columns. */
    static QueryResults queryResults(QueryHandle handle, ResultBatch batch, URI base, boolean parametricDatetime) {
        String id = batch.queryId().toString();
        URI nextUri = batch.nextPhase().isPresent()
                ? resultUri(base, batch.nextPhase().get(), handle, batch.nextToken().getAsLong())
                : null;
        List<Column> columns = batch.columns()
                .map(list -> list.stream().map(column -> Column.of(column, parametricDatetime)).toList())
                .orElse(null);
        ResultData data = null;
        if (batch.columns().isPresent()) {
            List<io.quarry.type.Type> types = batch.columns().get().stream().map(ResultColumn::type).toList();
            data = ResultData.of(types, batch.pages(), parametricDatetime).orElse(null);
        } else if (batch.pages().stream().anyMatch(page -> page.positionCount() > 0)) {
            throw new IllegalStateException("Query " + id + " produced rows before its columns");
        }
        URI partialCancelUri = batch.hasRunningStage() && !batch.stats().state().isDone()
                ? batch.stats().rootStage().flatMap(StatementResource::leafMostRunningStage)
                        .map(stage -> base.resolve("/v1/stage/" + id + "." + stage.stageId()))
                        .orElse(null)
                : null;
        return new QueryResults(
                id,
                infoUri(base, batch.queryId()),
                partialCancelUri,
                nextUri,
                columns,
                data,
                StatementStats.of(batch.stats()),
                batch.error().map(QueryError::of).orElse(null),
                List.of(),
                batch.updateType().orElse(null),
                batch.updateCount().isPresent() ? batch.updateCount().getAsLong() : null);
    }

    /** The answer of a POST: QUEUED, {@code nextUri} = queued phase token 1, never a result. */
    static QueryResults queuedResults(QueryHandle handle, URI base) {
        return new QueryResults(
                handle.queryId().toString(),
                infoUri(base, handle.queryId()),
                null,
                resultUri(base, ResultPhase.QUEUED, handle, 1),
                null,
                null,
                StatementStats.of(QueryStatistics.initial(QueryState.QUEUED, 0)),
                null,
                List.of(),
                null,
                null);
    }

    private static URI infoUri(URI base, QueryId queryId) {
        return base.resolve("/v1/query/" + queryId);
    }

    private static URI resultUri(URI base, ResultPhase phase, QueryHandle handle, long token) {
        String phaseName = phase == ResultPhase.QUEUED ? "queued" : "executing";
        return base.resolve("/v1/statement/" + phaseName + "/" + handle.queryId() + "/" + handle.slug() + "/" + token);
    }

    /** The deepest stage still running, the one partial cancel stops (as Trino's client asks for it). */
    private static Optional<StageStatistics> leafMostRunningStage(StageStatistics stage) {
        if (stage.done()) {
            return Optional.empty();
        }
        for (StageStatistics child : stage.subStages()) {
            Optional<StageStatistics> leaf = leafMostRunningStage(child);
            if (leaf.isPresent()) {
                return leaf;
            }
        }
        return Optional.of(stage);
    }

    private static Optional<ResultPhase> phase(String text) {
        return switch (text) {
            case "queued" -> Optional.of(ResultPhase.QUEUED);
            case "executing" -> Optional.of(ResultPhase.EXECUTING);
            default -> Optional.empty();
        };
    }

    private static Optional<QueryId> queryId(String text) {
        try {
            return Optional.of(QueryId.valueOf(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> token(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }

    private static Duration parseMaxWait(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid maxWait: '" + text + "' is not a duration such as 500ms");
        }
    }

    private static long parseTargetResultSize(String text) {
        try {
            return DataSizes.parseBytes(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(
                    StatusCodes.BAD_REQUEST, "Invalid targetResultSize: '" + text + "' is not a data size such as 1MB");
        }
    }
}
