package io.quarry.exec.operator;

import io.quarry.page.Pages;

/** Page size limits of the pages operators build. */
public final class OutputPages {
    /** Most rows in a page an operator builds. */
    public static final int MAX_ROWS = Pages.MAX_ROWS;
    /** Roughly the most bytes in a page an operator builds. */
    public static final long MAX_BYTES = Pages.MAX_BYTES;

    private OutputPages() {}

    /** Rows per page for pages of about {@code bytesPerRow}. */
    public static int rowsPerPage(long bytesPerRow) {
        return (int) Math.max(1, Math.min(MAX_ROWS, MAX_BYTES / Math.max(1, bytesPerRow)));
    }
}
