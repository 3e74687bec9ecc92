package io.quarry.connector.memory;

import static java.util.Objects.requireNonNull;

import io.quarry.page.Page;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pages of memory tables held on this node, by table id and piece of data (one piece per page sink).
 * Every byte counts against {@code memory.max-data-per-node}, committed or not; an append that would pass
 * it fails with Trino's MEMORY_LIMIT_EXCEEDED. Thread-safe.
 */
public final class MemoryPagesStore {
    private record Piece(List<Page> pages, long rows, long bytes) {}

    private final long maxBytes;
    private final Map<Long, Map<String, Piece>> tables = new HashMap<>();
    private long usedBytes;

    public MemoryPagesStore(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** Adds a page to a piece, creating it on first use. */
    public synchronized void append(long tableId, String dataId, Page page) {
        requireNonNull(dataId, "dataId is null");
        long bytes = page.sizeInBytes();
        if (usedBytes + bytes > maxBytes) {
            throw new QuarryException(
                    ErrorCode.MEMORY_LIMIT_EXCEEDED,
                    "Memory limit [" + maxBytes + "] for memory connector exceeded (memory.max-data-per-node)");
        }
        Map<String, Piece> pieces = tables.computeIfAbsent(tableId, ignored -> new HashMap<>());
        Piece piece = pieces.get(dataId);
        List<Page> pages = piece == null ? new ArrayList<>() : piece.pages();
        pages.add(page);
        long rows = (piece == null ? 0 : piece.rows()) + page.positionCount();
        long pieceBytes = (piece == null ? 0 : piece.bytes()) + bytes;
        pieces.put(dataId, new Piece(pages, rows, pieceBytes));
        usedBytes += bytes;
    }

    /** Drops one piece (a write that failed or will not be committed); no-op when absent. */
    public synchronized void remove(long tableId, String dataId) {
        Map<String, Piece> pieces = tables.get(tableId);
        if (pieces == null) {
            return;
        }
        Piece piece = pieces.remove(dataId);
        if (piece != null) {
            usedBytes -= piece.bytes();
        }
        if (pieces.isEmpty()) {
            tables.remove(tableId);
        }
    }

    /** Drops the pieces of a table whose ids start with {@code prefix} (one write's pieces). */
    public synchronized void removeWrite(long tableId, String prefix) {
        Map<String, Piece> pieces = tables.get(tableId);
        if (pieces == null) {
            return;
        }
        pieces.entrySet().removeIf(entry -> {
            boolean remove = entry.getKey().startsWith(prefix);
            if (remove) {
                usedBytes -= entry.getValue().bytes();
            }
            return remove;
        });
        if (pieces.isEmpty()) {
            tables.remove(tableId);
        }
    }

    /** Drops every piece of a table. */
    public synchronized void dropTable(long tableId) {
        Map<String, Piece> pieces = tables.remove(tableId);
        if (pieces != null) {
            pieces.values().forEach(piece -> usedBytes -= piece.bytes());
        }
    }

    /**
     * The pages of the given pieces, in order. A piece this node does not hold (it restarted, or the data
     * was dropped) is MISSING_DATA: a scan must never silently return fewer rows.
     */
    public synchronized List<Page> read(long tableId, List<String> dataIds, long expectedRows) {
        Map<String, Piece> pieces = tables.getOrDefault(tableId, Map.of());
        List<Page> pages = new ArrayList<>();
        long rows = 0;
        for (String dataId : dataIds) {
            Piece piece = pieces.get(dataId);
            if (piece != null) {
                pages.addAll(piece.pages());
                rows += piece.rows();
            }
        }
        if (rows != expectedRows) {
            throw new QuarryException(
                    ErrorCode.MISSING_DATA,
                    "Expected to find " + expectedRows + " rows of memory table " + tableId + " on this worker, but found "
                            + rows + " (the worker may have restarted)");
        }
        return pages;
    }

    /** The pages of one piece, in order; empty when this node does not hold it. */
    public synchronized List<Page> pages(long tableId, String dataId) {
        Piece piece = tables.getOrDefault(tableId, Map.of()).get(dataId);
        return piece == null ? List.of() : List.copyOf(piece.pages());
    }

    /**
     * Adds part of a copy of a piece sent by another node; the first part replaces whatever this node held of
     * the piece (an earlier copy that did not complete). Counts against the limit like any write.
     */
    public synchronized void appendCopy(long tableId, String dataId, List<Page> pages, boolean first) {
        if (first) {
            remove(tableId, dataId);
        }
        for (Page page : pages) {
            append(tableId, dataId, page);
        }
    }

    /** Rows held for a piece (0 when absent). */
    public synchronized long rows(long tableId, String dataId) {
        Piece piece = tables.getOrDefault(tableId, Map.of()).get(dataId);
        return piece == null ? 0 : piece.rows();
    }

    /** Bytes held for a piece (0 when absent). */
    public synchronized long bytes(long tableId, String dataId) {
        Piece piece = tables.getOrDefault(tableId, Map.of()).get(dataId);
        return piece == null ? 0 : piece.bytes();
    }

    /** Bytes held on this node over all tables, committed or not. */
    public synchronized long usedBytes() {
        return usedBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
