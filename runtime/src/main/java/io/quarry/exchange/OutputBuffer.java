package io.quarry.exchange;

import static java.util.Objects.requireNonNull;

import io.quarry.exec.OutputSink;
import io.quarry.page.Page;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A task's output: one client buffer per consumer partition (buffer id = partition), fixed at creation,
 * bounded in bytes, read by token. Thread-safe: drivers enqueue from executor threads while the task actor
 * (or an in-JVM consumer) reads.
 *
 * <p>Token rules (as openLooKeng's client buffers): pages of a buffer are numbered from 0. Reading from
 * {@code token} acknowledges, and frees, every page before it; reading the same token again returns the same
 * pages, so a lost response can be asked for again; a token below the acknowledged point gets an empty,
 * complete result. A buffer keeps its pages until they are acknowledged, and its end until the consumer
 * has asked past the last page.
 *
 * <p>A <em>retaining</em> buffer (a query that re-runs lost tasks) also keeps the pages its consumer acknowledged,
 * and the pages of a buffer destroyed by its consumer: a new attempt of a consumer task on another node reads the
 * same buffer again from token 0 and gets the same pages. Only unacknowledged pages count against the limit (the
 * producer is not held back by pages kept for a re-read); all of them count in {@link #bufferedBytes()}.
 *
 * <pre>
 * OPEN --setNoMorePages--> FLUSHING --every buffer acknowledged its end or destroyed--> FINISHED
 *   \______________________/__________ abort() ____________________________________-> ABORTED
 * </pre>
 *
 * <p>Futures returned here are completed by whichever thread changes the state (a driver or the reader),
 * outside the buffer's lock: attach only light callbacks, or use the {@code *Async} variants. Callers must not
 * complete them.
 */
public final class OutputBuffer implements OutputSink {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final long maxBufferedBytes;
    private final long maxRetainedBytes;
    /** Made to keep acknowledged pages for re-reads (it may have given up since: {@link #forgotten}). */
    private final boolean rereadable;
    /** Keeps acknowledged pages; false from the start, or once they grew past {@link #maxRetainedBytes}. */
    private boolean retaining;
    /** The buffer kept pages for re-reads and gave up: a re-read from an acknowledged token cannot be served. */
    private boolean forgotten;
    private final ClientBuffer[] buffers;
    private final Object lock = new Object();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    // Guarded by lock.
    private long bufferedBytes;
    /** Bytes of acknowledged pages kept for a re-read (retaining buffers only). */
    private long retainedBytes;
    private boolean noMorePages;
    private boolean aborted;
    private CompletableFuture<Void> notFull = DONE;

    public OutputBuffer(int partitionCount, long maxBufferedBytes) {
        this(partitionCount, maxBufferedBytes, false, 0);
    }

    /**
     * With {@code retaining}, acknowledged pages stay readable until the task ends (see the class comment), as long
     * as they stay within {@code maxRetainedBytes}; past that they are dropped, and a re-read from before the
     * acknowledged point fails with {@link OutputForgotten} rather than return less.
     */
    public OutputBuffer(int partitionCount, long maxBufferedBytes, boolean retaining, long maxRetainedBytes) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("partition count must be positive: " + partitionCount);
        }
        if (maxBufferedBytes < 1) {
            throw new IllegalArgumentException("max buffered bytes must be positive: " + maxBufferedBytes);
        }
        this.maxBufferedBytes = maxBufferedBytes;
        this.retaining = retaining;
        this.rereadable = retaining;
        this.maxRetainedBytes = maxRetainedBytes;
        this.buffers = new ClientBuffer[partitionCount];
        for (int i = 0; i < partitionCount; i++) {
            buffers[i] = new ClientBuffer(i);
        }
    }

    public int partitionCount() {
        return buffers.length;
    }

    /**
     * Adds a page for the consumer of {@code partition}. Pages arriving after {@link #setNoMorePages()} or
     * {@link #abort()}, or for a destroyed buffer, are dropped: nobody will read them. In a retaining buffer a
     * destroyed buffer's pages are kept for a re-read instead (a re-run of its consumer reads them), without
     * holding the producer back.
     */
    @Override
    public void enqueue(int partition, Page page) {
        requireNonNull(page, "page is null");
        ClientBuffer buffer = buffer(partition);
        List<CompletableFuture<Void>> ready;
        synchronized (lock) {
            if (aborted || noMorePages || (buffer.destroyed && !retaining)) {
                return;
            }
            long size = page.sizeInBytes();
            buffer.nextSequence++;
            if (buffer.destroyed) {
                // acknowledged at once: kept for a re-read only, never holding the producer back
                buffer.acknowledged++;
                retainLocked(buffer, new BufferedPage(page, size));
            } else {
                buffer.pages.add(new BufferedPage(page, size));
                bufferedBytes += size;
                if (bufferedBytes > maxBufferedBytes && notFull.isDone()) {
                    notFull = new CompletableFuture<>();
                }
            }
            ready = buffer.takeWaitersBefore(buffer.nextSequence);
        }
        completeAll(ready);
    }

    /** Completed while the buffered bytes are within the limit; otherwise completes once consumers free enough. */
    @Override
    public CompletableFuture<Void> isFull() {
        synchronized (lock) {
            return notFull;
        }
    }

    @Override
    public void setNoMorePages() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        boolean nowFinished;
        synchronized (lock) {
            if (noMorePages || aborted) {
                return;
            }
            noMorePages = true;
            for (ClientBuffer buffer : buffers) {
                ready.addAll(buffer.takeAllWaiters());
            }
            nowFinished = isFinishedLocked();
        }
        completeAll(ready);
        if (nowFinished) {
            finished.complete(null);
        }
    }

    /** The task failed or was cancelled: drops every page; readers get aborted results from now on. */
    @Override
    public void abort() {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        synchronized (lock) {
            if (aborted) {
                return;
            }
            aborted = true;
            for (ClientBuffer buffer : buffers) {
                buffer.pages.clear();
                buffer.history.clear();
                ready.addAll(buffer.takeAllWaiters());
            }
            bufferedBytes = 0;
            retainedBytes = 0;
            ready.add(notFull);
            notFull = DONE;
        }
        completeAll(ready);
        finished.complete(null);
    }

    /**
     * The pages of buffer {@code bufferId} from sequence number {@code token} on, at most {@code maxBytes} of
     * them but at least one if any is available. Acknowledges every page before {@code token}. Never blocks;
     * wait with {@link #whenReady} first to long-poll.
     *
     * @throws IllegalArgumentException if {@code token} is beyond the pages produced so far
     */
    public BufferResult get(int bufferId, long token, long maxBytes) {
        ClientBuffer buffer = buffer(bufferId);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("max bytes must be positive: " + maxBytes);
        }
        BufferResult result;
        List<CompletableFuture<Void>> ready;
        boolean nowFinished;
        synchronized (lock) {
            if (aborted) {
                return BufferResult.aborted(token);
            }
            checkToken(buffer, token);
            if (forgotten && (token < buffer.acknowledged || buffer.destroyed)) {
                // a destroyed buffer dropped what came after the output stopped being kept: it cannot be read again
                throw new OutputForgotten("the output of this task grew past " + maxRetainedBytes
                        + " bytes and was not kept for a second reader");
            }
            if (buffer.destroyed && !retaining) {
                return BufferResult.empty(token, true);
            }
            ready = acknowledgeLocked(buffer, token);
            if (token < buffer.acknowledged && retaining) {
                result = reread(buffer, token, maxBytes);
            } else if (token < buffer.acknowledged) {
                result = BufferResult.empty(token, true);
            } else {
                List<Page> pages = new ArrayList<>();
                long bytes = 0;
                for (BufferedPage page : buffer.pages) {
                    if (!pages.isEmpty() && bytes + page.bytes() > maxBytes) {
                        break;
                    }
                    pages.add(page.page());
                    bytes += page.bytes();
                }
                long nextToken = token + pages.size();
                buffer.pagesSent = Math.max(buffer.pagesSent, nextToken);
                result = new BufferResult(token, nextToken, pages, buffer.ended() && nextToken == buffer.nextSequence, false);
            }
            nowFinished = isFinishedLocked();
        }
        completeAll(ready);
        if (nowFinished) {
            finished.complete(null);
        }
        return result;
    }

    /**
     * Completes when a read of {@code token} would return something new: pages at or after it exist, the
     * token is stale, or the buffer completed, was destroyed or aborted.
     */
    public CompletableFuture<Void> whenReady(int bufferId, long token) {
        ClientBuffer buffer = buffer(bufferId);
        synchronized (lock) {
            if (aborted || noMorePages || (buffer.destroyed && !rereadable) || token < buffer.nextSequence) {
                return DONE;
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            buffer.waiters.add(new Waiter(token, future));
            return future;
        }
    }

    /** Frees the pages of buffer {@code bufferId} before {@code token}. */
    public void acknowledge(int bufferId, long token) {
        ClientBuffer buffer = buffer(bufferId);
        List<CompletableFuture<Void>> ready;
        boolean nowFinished;
        synchronized (lock) {
            if (aborted || buffer.destroyed) {
                return;
            }
            checkToken(buffer, token);
            ready = acknowledgeLocked(buffer, token);
            nowFinished = isFinishedLocked();
        }
        completeAll(ready);
        if (nowFinished) {
            finished.complete(null);
        }
    }

    /** The consumer of {@code bufferId} is done (or gone): drops its pages; later pages for it are dropped too. */
    public void destroy(int bufferId) {
        ClientBuffer buffer = buffer(bufferId);
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        boolean nowFinished;
        synchronized (lock) {
            if (aborted || buffer.destroyed) {
                return;
            }
            buffer.destroyed = true;
            for (BufferedPage page : buffer.pages) {
                bufferedBytes -= page.bytes();
                retainLocked(buffer, page);
            }
            buffer.acknowledged += buffer.pages.size();
            buffer.pages.clear();
            ready.addAll(buffer.takeAllWaiters());
            ready.addAll(unblockProducersLocked());
            nowFinished = isFinishedLocked();
        }
        completeAll(ready);
        if (nowFinished) {
            finished.complete(null);
        }
    }

    /** No more pages will come and every client buffer acknowledged its end or was destroyed. */
    public boolean isFinished() {
        synchronized (lock) {
            return isFinishedLocked();
        }
    }

    public boolean isAborted() {
        synchronized (lock) {
            return aborted;
        }
    }

    /** Completes when the buffer finishes ({@link #isFinished()}) or is aborted. */
    public CompletableFuture<Void> whenFinished() {
        return finished;
    }

    /** Unacknowledged pages and, in a retaining buffer, the pages kept for a re-read. */
    @Override
    public long bufferedBytes() {
        synchronized (lock) {
            return bufferedBytes + retainedBytes;
        }
    }

    public OutputBufferInfo info() {
        synchronized (lock) {
            List<OutputBufferInfo.ClientBufferInfo> infos = new ArrayList<>(buffers.length);
            long pages = 0;
            long sent = 0;
            for (ClientBuffer buffer : buffers) {
                infos.add(new OutputBufferInfo.ClientBufferInfo(
                        buffer.id, buffer.isFinished(), buffer.pages.size(), buffer.pagesSent));
                pages += buffer.pages.size();
                sent += buffer.pagesSent;
            }
            OutputBufferInfo.State state;
            if (aborted) {
                state = OutputBufferInfo.State.ABORTED;
            } else if (!noMorePages) {
                state = OutputBufferInfo.State.OPEN;
            } else {
                state = isFinishedLocked() ? OutputBufferInfo.State.FINISHED : OutputBufferInfo.State.FLUSHING;
            }
            return new OutputBufferInfo(state, bufferedBytes, pages, sent, infos);
        }
    }

    private ClientBuffer buffer(int bufferId) {
        if (bufferId < 0 || bufferId >= buffers.length) {
            throw new IllegalArgumentException("no buffer " + bufferId + ": this output has " + buffers.length);
        }
        return buffers[bufferId];
    }

    private static void checkToken(ClientBuffer buffer, long token) {
        if (token < 0 || token > buffer.nextSequence) {
            throw new IllegalArgumentException(
                    "token " + token + " of buffer " + buffer.id + " is beyond the " + buffer.nextSequence + " pages produced");
        }
    }

    private boolean isFinishedLocked() {
        if (aborted || !noMorePages) {
            return false;
        }
        for (ClientBuffer buffer : buffers) {
            if (!buffer.isFinished()) {
                return false;
            }
        }
        return true;
    }

    /** Frees the pages before {@code token}; returns the producers' future to complete if there is room now. */
    private List<CompletableFuture<Void>> acknowledgeLocked(ClientBuffer buffer, long token) {
        while (buffer.acknowledged < token && !buffer.pages.isEmpty()) {
            BufferedPage page = buffer.pages.poll();
            bufferedBytes -= page.bytes();
            buffer.acknowledged++;
            retainLocked(buffer, page);
        }
        return unblockProducersLocked();
    }

    /** Keeps an acknowledged page for a re-read, unless that would pass the limit: then keeps none any more. */
    private void retainLocked(ClientBuffer buffer, BufferedPage page) {
        if (!retaining) {
            return;
        }
        if (retainedBytes + page.bytes() > maxRetainedBytes) {
            retaining = false;
            forgotten = true;
            for (ClientBuffer each : buffers) {
                each.history.clear();
            }
            retainedBytes = 0;
            return;
        }
        buffer.history.add(page);
        retainedBytes += page.bytes();
    }

    /** A re-read of pages this buffer no longer keeps. */
    public static final class OutputForgotten extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        OutputForgotten(String message) {
            super(message);
        }
    }

    /** A retaining buffer read again from an acknowledged token: kept pages first, then the unacknowledged ones. */
    private BufferResult reread(ClientBuffer buffer, long token, long maxBytes) {
        List<Page> pages = new ArrayList<>();
        long bytes = 0;
        Iterator<BufferedPage> unacknowledged = buffer.pages.iterator();
        for (long sequence = token; sequence < buffer.nextSequence; sequence++) {
            BufferedPage page = sequence < buffer.acknowledged ? buffer.history.get((int) sequence) : unacknowledged.next();
            if (!pages.isEmpty() && bytes + page.bytes() > maxBytes) {
                break;
            }
            pages.add(page.page());
            bytes += page.bytes();
        }
        long nextToken = token + pages.size();
        return new BufferResult(token, nextToken, pages, buffer.ended() && nextToken == buffer.nextSequence, false);
    }

    private List<CompletableFuture<Void>> unblockProducersLocked() {
        if (bufferedBytes > maxBufferedBytes || notFull.isDone()) {
            return List.of();
        }
        CompletableFuture<Void> blocked = notFull;
        notFull = DONE;
        return List.of(blocked);
    }

    private static void completeAll(List<CompletableFuture<Void>> futures) {
        for (CompletableFuture<Void> future : futures) {
            future.complete(null);
        }
    }

    private record BufferedPage(Page page, long bytes) {}

    private record Waiter(long token, CompletableFuture<Void> future) {}

    /** One consumer's pages, numbered from {@code acknowledged} to {@code nextSequence}. Guarded by the lock. */
    private final class ClientBuffer {
        final int id;
        final ArrayDeque<BufferedPage> pages = new ArrayDeque<>();
        /** Acknowledged pages, by sequence number (retaining buffers only). */
        final List<BufferedPage> history = new ArrayList<>();
        final List<Waiter> waiters = new ArrayList<>();
        long acknowledged;
        long nextSequence;
        long pagesSent;
        boolean destroyed;

        ClientBuffer(int id) {
            this.id = id;
        }

        boolean isFinished() {
            return destroyed || (noMorePages && acknowledged == nextSequence);
        }

        /** No page will be added any more (a destroyed buffer of a retaining output still gets pages for re-reads). */
        boolean ended() {
            return noMorePages || (destroyed && !rereadable);
        }


        List<CompletableFuture<Void>> takeWaitersBefore(long sequence) {
            if (waiters.isEmpty()) {
                return List.of();
            }
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (Iterator<Waiter> iterator = waiters.iterator(); iterator.hasNext(); ) {
                Waiter waiter = iterator.next();
                if (waiter.token() < sequence) {
                    ready.add(waiter.future());
                    iterator.remove();
                }
            }
            return ready;
        }

        List<CompletableFuture<Void>> takeAllWaiters() {
            List<CompletableFuture<Void>> ready = new ArrayList<>(waiters.size());
            waiters.forEach(waiter -> ready.add(waiter.future()));
            waiters.clear();
            return ready;
        }
    }
}
