package io.quarry.spi;

/** The class of an {@link ErrorCode}, as clients of the protocol know it. */
public enum ErrorType {
    USER_ERROR,
    INTERNAL_ERROR,
    INSUFFICIENT_RESOURCES,
    EXTERNAL
}
