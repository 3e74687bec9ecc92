package io.quarry.http.error;

import static java.util.Objects.requireNonNull;

import akka.http.javadsl.model.StatusCode;

/**
 * A request the server will not serve, with the status and the one-line message the client gets (a user
 * mistake: 4xx; a coordinator that cannot take work now: 503). Thrown while validating a request, answered
 * by {@link ApiExceptionHandler}; never logged as an error.
 */
public final class HttpStatusException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient StatusCode status;

    public HttpStatusException(StatusCode status, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.status = requireNonNull(status, "status is null");
    }

    public StatusCode status() {
        return status;
    }
}
