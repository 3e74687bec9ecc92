package io.quarry.http.resource;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.ContentType;
import akka.http.javadsl.model.ContentTypes;
import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.HttpRequest;
import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.MediaTypes;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.model.headers.RawHeader;
import akka.http.javadsl.server.AllDirectives;
import akka.http.javadsl.server.PathMatchers;
import akka.http.javadsl.server.Route;
import akka.http.javadsl.unmarshalling.Unmarshaller;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarry.actor.TaskActor;
import io.quarry.actor.TaskState;
import io.quarry.actor.serialization.PageCodec;
import io.quarry.client.QuarryService;
import io.quarry.client.TaskSnapshot;
import io.quarry.client.TaskUpdate;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;
import io.quarry.exchange.OutputBufferInfo;
import io.quarry.exec.TaskStatistics;
import io.quarry.http.dto.ClientFailureInfo;
import io.quarry.http.dto.TaskBufferInfo;
import io.quarry.http.dto.TaskInfo;
import io.quarry.http.dto.TaskOutputBuffers;
import io.quarry.http.dto.TaskStats;
import io.quarry.http.dto.TaskStatus;
import io.quarry.http.error.HttpStatusException;
import io.quarry.http.error.TextResponses;
import io.quarry.http.plan.PlanJson;
import io.quarry.http.plan.TaskUpdateRequest;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.FailureInfo;
import io.quarry.spi.TaskId;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The worker side of the task protocol, {@code /v1/task/**}: the tasks of this node, one task's info and
 * status (with long polling), abort/cancel, and its output buffers' pages (Quarry's page encoding, the
 * protocol's tokens and headers). Unknown tasks are never created here.
 */
public final class TaskResource extends AllDirectives {
    /** Longest long poll of a task's info or status, whatever {@code X-Presto-Max-Wait} asks. */
    static final Duration MAX_LONG_POLL = Duration.ofSeconds(5);
    private static final long DEFAULT_MAX_SIZE_BYTES = 16L * 1024 * 1024;
    private static final ContentType PAGES_CONTENT_TYPE = ContentTypes.create(MediaTypes.customBinary(
            PageCodec.CONTENT_TYPE.substring(0, PageCodec.CONTENT_TYPE.indexOf('/')),
            PageCodec.CONTENT_TYPE.substring(PageCodec.CONTENT_TYPE.indexOf('/') + 1),
            false));

    private final QuarryService service;
    private final CompletionStage<URI> externalBaseUri;

    public TaskResource(QuarryService service, CompletionStage<URI> externalBaseUri) {
        this.service = requireNonNull(service, "service is null");
        this.externalBaseUri = requireNonNull(externalBaseUri, "externalBaseUri is null");
    }

    public Route route() {
        return pathPrefix("v1", () -> pathPrefix("task", () -> concat(
                pathEndOrSingleSlash(() -> get(this::listTasks)),
                pathPrefix(PathMatchers.segment(), taskIdText -> {
                    TaskId taskId = parseTaskId(taskIdText);
                    return concat(
                            pathEndOrSingleSlash(() -> concat(
                                    get(() -> taskInfo(taskId, true)),
                                    post(() -> updateTask(taskId)),
                                    delete(() -> cancelTask(taskId)))),
                            path("status", () -> get(() -> taskInfo(taskId, false))),
                            pathPrefix("results", () -> pathPrefix(PathMatchers.segment(), bufferText -> {
                                int bufferId = (int) parseNumber(bufferText, Integer.MAX_VALUE);
                                return concat(
                                        pathEndOrSingleSlash(() -> delete(() -> onSuccess(
                                                service.destroyTaskBuffer(taskId, bufferId),
                                                ignored -> complete(Responses.noContent())))),
                                        pathPrefix(PathMatchers.segment(), tokenText -> {
                                            long token = parseNumber(tokenText, Long.MAX_VALUE);
                                            return concat(
                                                    pathEndOrSingleSlash(() -> get(() -> results(taskId, bufferId, token))),
                                                    path("acknowledge", () -> get(() -> onSuccess(
                                                            service.acknowledgeTaskResults(taskId, bufferId, token),
                                                            known -> complete(known
                                                                    ? Responses.noContent()
                                                                    : notFound(taskId))))));
                                        }));
                            })));
                }))));
    }

    private Route listTasks() {
        return onSuccess(externalBaseUri, base -> onSuccess(service.taskInfos(), snapshots ->
                complete(Responses.json(snapshots.stream().map(snapshot -> toInfo(snapshot, base)).toList()))));
    }

    /** {@code GET /v1/task/{taskId}} (info) or {@code …/status}, honouring the long-poll headers. */
    private Route taskInfo(TaskId taskId, boolean fullInfo) {
        return extractRequest(request -> {
            Optional<String> stateText = header(request, "Current-State");
            Optional<String> waitText = header(request, "Max-Wait");
            Optional<TaskState> currentState = stateText.map(TaskResource::parseState);
            Duration maxWait = waitText.map(TaskResource::parseMaxWait).orElse(Duration.ZERO);
            Optional<TaskState> pollState = waitText.isPresent() ? currentState : Optional.empty();
            return onSuccess(externalBaseUri, base -> onSuccess(service.taskInfo(taskId, pollState, maxWait), snapshot -> {
                if (snapshot.isEmpty()) {
                    return complete(notFound(taskId));
                }
                return complete(Responses.json(
                        fullInfo ? toInfo(snapshot.get(), base) : toStatus(snapshot.get(), base)));
            }));
        });
    }

    /** {@code POST /v1/task/{taskId}}: a {@link TaskUpdateRequest} in JSON; answers the task's info. */
    private Route updateTask(TaskId taskId) {
        return extractRequest(request -> {
            if (!request.entity().getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
                throw new HttpStatusException(StatusCodes.UNSUPPORTED_MEDIA_TYPE, "A task update must be sent as application/json");
            }
            return entity(Unmarshaller.entityToByteString(), body -> {
                TaskUpdate update = parseUpdate(taskId, body.toArray());
                return onSuccess(externalBaseUri, base -> onSuccess(service.updateTask(update), snapshot ->
                        complete(Responses.json(toInfo(snapshot, base)))));
            });
        });
    }

    private static TaskUpdate parseUpdate(TaskId taskId, byte[] body) {
        try {
            return PlanJson.mapper().readValue(body, TaskUpdateRequest.class).toUpdate(taskId);
        } catch (JsonProcessingException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid task update: " + PlanJson.describe(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid task update: " + e.getMessage());
        }
    }

    private Route cancelTask(TaskId taskId) {
        return parameterOptional("targetState", targetText -> {
            String target = targetText.orElse("ABORTED");
            boolean abort = switch (target) {
                case "ABORTED" -> true;
                case "CANCELED" -> false;
                default -> throw new HttpStatusException(
                        StatusCodes.BAD_REQUEST, "Invalid targetState: " + target + " (ABORTED or CANCELED)");
            };
            return onSuccess(externalBaseUri, base -> onSuccess(service.cancelTask(taskId, abort), snapshot ->
                    complete(Responses.json(toInfo(snapshot, base)))));
        });
    }

    private Route results(TaskId taskId, int bufferId, long token) {
        return extractRequest(request -> {
            long maxBytes = header(request, "Max-Size").map(TaskResource::parseMaxSize).orElse(DEFAULT_MAX_SIZE_BYTES);
            return onSuccess(service.taskResults(taskId, bufferId, token, maxBytes), answer -> {
                if (answer.isEmpty()) {
                    return complete(notFound(taskId));
                }
                TaskActor.Pages pages = answer.get();
                if (pages.failure().isPresent()) {
                    FailureInfo failure = pages.failure().get();
                    if (failure.errorCode() == ErrorCode.NOT_FOUND) {
                        return complete(TextResponses.text(StatusCodes.NOT_FOUND, failure.message()));
                    }
                    if (failure.errorCode() == ErrorCode.GENERIC_USER_ERROR) {
                        return complete(TextResponses.text(StatusCodes.BAD_REQUEST, failure.message()));
                    }
                    return complete(TextResponses.text(
                            StatusCodes.INTERNAL_SERVER_ERROR, "Task " + taskId + " failed: " + failure.message()));
                }
                List<HttpHeader> headers = List.of(
                        RawHeader.create("X-Presto-Page-Sequence-Id", Long.toString(pages.token())),
                        RawHeader.create("X-Presto-Page-End-Sequence-Id", Long.toString(pages.nextToken())),
                        RawHeader.create("X-Presto-Buffer-Complete", Boolean.toString(pages.complete())));
                HttpResponse response = pages.pages().isEmpty()
                        ? Responses.noContent().addHeaders(headers)
                        : HttpResponse.create()
                                .withEntity(PAGES_CONTENT_TYPE, PageCodec.encode(pages.pages()))
                                .addHeaders(headers);
                return complete(response);
            });
        });
    }

    static TaskInfo toInfo(TaskSnapshot snapshot, URI base) {
        OutputBufferInfo buffers = snapshot.outputBuffers();
        TaskStatistics stats = snapshot.statistics();
        return new TaskInfo(
                toStatus(snapshot, base),
                snapshot.lastHeartbeat().toString(),
                new TaskOutputBuffers(
                        "PARTITIONED",
                        buffers.state().name(),
                        buffers.totalBufferedBytes(),
                        buffers.totalBufferedPages(),
                        buffers.totalPagesSent(),
                        buffers.buffers().stream()
                                .map(buffer -> new TaskBufferInfo(
                                        Integer.toString(buffer.bufferId()), buffer.finished(), buffer.bufferedPages(),
                                        buffer.pagesSent()))
                                .toList()),
                snapshot.noMoreSplits(),
                new TaskStats(
                        stats.totalDrivers(), stats.queuedDrivers(), stats.runningDrivers(), stats.completedDrivers(),
                        stats.totalSplits(), stats.queuedSplits(), stats.runningSplits(), stats.completedSplits(),
                        stats.inputRows(), stats.inputBytes(), stats.outputRows(), stats.outputBytes(),
                        Durations.formatNanos(stats.cpuNanos()), Durations.formatNanos(stats.wallNanos()),
                        stats.memoryBytes(), stats.peakMemoryBytes()),
                false);
    }

    static TaskStatus toStatus(TaskSnapshot snapshot, URI base) {
        return new TaskStatus(
                snapshot.taskId().toString(),
                snapshot.taskInstanceId(),
                snapshot.version(),
                snapshot.state(),
                base.resolve("/v1/task/" + snapshot.taskId()).toString(),
                snapshot.nodeId(),
                snapshot.failures().stream().map(ClientFailureInfo::of).toList());
    }

    /** A header by protocol-neutral name: {@code X-Presto-…} or {@code X-Trino-…}. */
    private static Optional<String> header(HttpRequest request, String name) {
        return request.getHeader("X-Presto-" + name).or(() -> request.getHeader("X-Trino-" + name)).map(HttpHeader::value);
    }

    private static TaskId parseTaskId(String text) {
        try {
            return TaskId.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.NOT_FOUND, "Invalid task id: " + text);
        }
    }

    private static long parseNumber(String text, long max) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new HttpStatusException(StatusCodes.NOT_FOUND, "Invalid buffer id or token: " + text);
    }

    private static TaskState parseState(String text) {
        try {
            return TaskState.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid current state: " + text);
        }
    }

    private static Duration parseMaxWait(String text) {
        Duration wait;
        try {
            wait = Durations.parse(text);
        } catch (RuntimeException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid max wait: " + text);
        }
        return wait.compareTo(MAX_LONG_POLL) > 0 ? MAX_LONG_POLL : wait;
    }

    private static long parseMaxSize(String text) {
        long bytes;
        try {
            bytes = DataSizes.parseBytes(text);
        } catch (RuntimeException e) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid max size: " + text);
        }
        if (bytes <= 0) {
            throw new HttpStatusException(StatusCodes.BAD_REQUEST, "Invalid max size: " + text);
        }
        return bytes;
    }

    private static HttpResponse notFound(TaskId taskId) {
        return TextResponses.text(StatusCodes.NOT_FOUND, "Unknown task: " + taskId);
    }
}
