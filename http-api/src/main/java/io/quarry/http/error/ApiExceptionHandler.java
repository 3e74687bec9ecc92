package io.quarry.http.error;

import akka.http.javadsl.model.HttpResponse;
import akka.http.javadsl.model.StatusCodes;
import akka.http.javadsl.server.Directives;
import akka.http.javadsl.server.ExceptionHandler;
import akka.http.scaladsl.model.EntityStreamSizeException;
import akka.http.scaladsl.model.IllegalRequestException;
import io.quarry.spi.ErrorType;
import io.quarry.spi.QuarryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a route throws (or a failed ask completes with) to an answer: request mistakes to their 4xx,
 * user errors to 400, a coordinator that is shutting down, starting or too slow to 503 (clients retry
 * that), everything else to a generic 500 whose stack is logged here, once, and never sent.
 */
public final class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private ApiExceptionHandler() {}

    public static ExceptionHandler create() {
        return ExceptionHandler.newBuilder()
                .match(Throwable.class, failure -> Directives.complete(toResponse(failure)))
                .build();
    }

    /** The answer for a failure; public so routes that complete futures themselves can use it too. */
    public static HttpResponse toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpStatusException status) {
            return TextResponses.text(status.status(), status.getMessage());
        }
        if (cause instanceof QuarryException quarry) {
            return switch (quarry.errorCode()) {
                case SERVER_SHUTTING_DOWN, SERVER_STARTING_UP -> TextResponses.text(
                        StatusCodes.SERVICE_UNAVAILABLE, quarry.getMessage());
                case NOT_FOUND -> TextResponses.text(StatusCodes.NOT_FOUND, quarry.getMessage());
                default -> quarry.errorCode().type() == ErrorType.USER_ERROR
                        ? TextResponses.text(StatusCodes.BAD_REQUEST, quarry.getMessage())
                        : internalError(cause);
            };
        }
        if (cause instanceof TimeoutException) {
            // An ask that took too long: the coordinator is busy; Trino's client and npm retry 503.
            return TextResponses.text(StatusCodes.SERVICE_UNAVAILABLE, "The coordinator did not answer in time, retry");
        }
        if (cause instanceof EntityStreamSizeException) {
            return TextResponses.text(StatusCodes.PAYLOAD_TOO_LARGE, "Request body exceeds the maximum content length");
        }
        if (cause instanceof IllegalRequestException illegal) {
            return TextResponses.text(illegal.status(), illegal.info().summary());
        }
        return internalError(cause);
    }

    private static HttpResponse internalError(Throwable cause) {
        log.error("Internal error while serving a request", cause);
        return TextResponses.text(StatusCodes.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
