package io.quarry.exchange;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A snapshot of an output buffer for task info: its state (the protocol's output buffer states), the bytes
 * and pages it holds, and each client buffer.
 */
public record OutputBufferInfo(
        State state, long totalBufferedBytes, long totalBufferedPages, long totalPagesSent, List<ClientBufferInfo> buffers) {
    public OutputBufferInfo {
        requireNonNull(state, "state is null");
        buffers = List.copyOf(buffers);
    }

    /**
     * Output buffer states as {@code /v1/task} names them. Quarry's buffers are fixed at creation, so they go
     * OPEN (pages may come) → FLUSHING (no more pages, some not yet acknowledged) → FINISHED (every client
     * buffer acknowledged its end or was destroyed), or to ABORTED. The other names exist for the protocol.
     */
    public enum State {
        OPEN,
        NO_MORE_BUFFERS,
        NO_MORE_PAGES,
        FLUSHING,
        FINISHED,
        ABORTED,
        FAILED
    }

    /** One consumer's buffer: pages held (sent or not, until acknowledged) and pages sent so far. */
    public record ClientBufferInfo(int bufferId, boolean finished, long bufferedPages, long pagesSent) {}
}
