package io.quarry.spi;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A failure as it travels between actors and nodes: never a {@link Throwable}, always this record.
 * {@code type} names the kind of failure (an exception class name for internal errors).
 */
public record FailureInfo(ErrorCode errorCode, String type, String message, Optional<ErrorLocation> location) {
    public FailureInfo {
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(type, "type is null");
        requireNonNull(message, "message is null");
        requireNonNull(location, "location is null");
    }

    public static FailureInfo of(ErrorCode errorCode, String message) {
        return new FailureInfo(errorCode, QuarryException.class.getName(), message, Optional.empty());
    }

    /** The failure a throwable stands for: a QuarryException keeps its code, anything else is internal. */
    public static FailureInfo from(Throwable throwable) {
        if (throwable instanceof QuarryException quarry) {
            return new FailureInfo(quarry.errorCode(), quarry.getClass().getName(), quarry.getMessage(), quarry.location());
        }
        String message = throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
        return new FailureInfo(ErrorCode.GENERIC_INTERNAL_ERROR, throwable.getClass().getName(), message, Optional.empty());
    }

    public QuarryException toException() {
        return new QuarryException(errorCode, message, location.orElse(null), null);
    }
}
