package io.quarry.spi;

/** A 1-based position in the text of a statement. */
public record ErrorLocation(int lineNumber, int columnNumber) {
    public ErrorLocation {
        if (lineNumber < 1 || columnNumber < 1) {
            throw new IllegalArgumentException("error location must be 1-based: " + lineNumber + ":" + columnNumber);
        }
    }
}
