package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The one unchecked exception of Quarry: an {@link ErrorCode} and a message meant for the user,
 * optionally with the position in the SQL text the error refers to.
 */
public class QuarryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final ErrorLocation location;

    public QuarryException(ErrorCode errorCode, String message) {
        this(errorCode, message, null, null);
    }

    public QuarryException(ErrorCode errorCode, String message, Throwable cause) {
        this(errorCode, message, null, cause);
    }

    public QuarryException(ErrorCode errorCode, String message, ErrorLocation location, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
        this.location = location;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Optional<ErrorLocation> location() {
        return Optional.ofNullable(location);
    }
}
