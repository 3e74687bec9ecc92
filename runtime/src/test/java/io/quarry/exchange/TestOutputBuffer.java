package io.quarry.exchange;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.LongBlock;
import io.quarry.page.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TestOutputBuffer {
    private static final long UNLIMITED = Long.MAX_VALUE;

    @Test
    void repeatingATokenReturnsTheSamePagesAndAdvancingAcknowledges() {
        OutputBuffer buffer = new OutputBuffer(1, UNLIMITED);
        Page a = page(1);
        Page b = page(2);
        Page c = page(3);
        buffer.enqueue(0, a);
        buffer.enqueue(0, b);

        BufferResult first = buffer.get(0, 0, UNLIMITED);
        assertThat(first.pages()).containsExactly(a, b);
        assertThat(first.token()).isZero();
        assertThat(first.nextToken()).isEqualTo(2);
        assertThat(first.bufferComplete()).isFalse();
        assertThat(buffer.get(0, 0, UNLIMITED)).isEqualTo(first);

        buffer.enqueue(0, c);
        BufferResult second = buffer.get(0, 2, UNLIMITED);
        assertThat(second.pages()).containsExactly(c);
        assertThat(second.nextToken()).isEqualTo(3);
        assertThat(buffer.info().buffers().get(0).bufferedPages()).isEqualTo(1);
        assertThat(buffer.info().buffers().get(0).pagesSent()).isEqualTo(3);

        BufferResult stale = buffer.get(0, 1, UNLIMITED);
        assertThat(stale.pages()).isEmpty();
        assertThat(stale.bufferComplete()).isTrue();
        assertThat(stale.aborted()).isFalse();

        BufferResult nothingYet = buffer.get(0, 3, UNLIMITED);
        assertThat(nothingYet.pages()).isEmpty();
        assertThat(nothingYet.nextToken()).isEqualTo(3);
        assertThat(nothingYet.bufferComplete()).isFalse();
        assertThatThrownBy(() -> buffer.get(0, 4, UNLIMITED)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnsAtLeastOnePageAndOtherwiseStaysWithinMaxBytes() {
        OutputBuffer buffer = new OutputBuffer(1, UNLIMITED);
        Page page = page(1, 2, 3, 4);
        long size = page.sizeInBytes();
        for (int i = 0; i < 5; i++) {
            buffer.enqueue(0, page);
        }
        assertThat(buffer.get(0, 0, 1).pages()).hasSize(1);
        assertThat(buffer.get(0, 0, 2 * size + 1).pages()).hasSize(2);
        assertThat(buffer.get(0, 0, 5 * size).pages()).hasSize(5);
    }

    @Test
    void completesTheBufferAfterTheLastPageAndFinishesOnAcknowledgement() {
        OutputBuffer buffer = new OutputBuffer(2, UNLIMITED);
        buffer.enqueue(0, page(1));
        assertThat(buffer.info().state()).isEqualTo(OutputBufferInfo.State.OPEN);
        buffer.setNoMorePages();
        buffer.enqueue(0, page(2)); // dropped: no more pages were promised
        assertThat(buffer.info().state()).isEqualTo(OutputBufferInfo.State.FLUSHING);

        BufferResult last = buffer.get(0, 0, UNLIMITED);
        assertThat(last.pages()).hasSize(1);
        assertThat(last.bufferComplete()).isTrue();
        assertThat(buffer.get(1, 0, UNLIMITED).bufferComplete()).isTrue();
        assertThat(buffer.isFinished()).isFalse(); // buffer 0 has not acknowledged its last page yet
        assertThat(buffer.whenFinished()).isNotDone();

        BufferResult end = buffer.get(0, 1, UNLIMITED);
        assertThat(end.pages()).isEmpty();
        assertThat(end.bufferComplete()).isTrue();
        assertThat(buffer.isFinished()).isTrue();
        assertThat(buffer.whenFinished()).isDone();
        assertThat(buffer.info().state()).isEqualTo(OutputBufferInfo.State.FINISHED);
        assertThat(buffer.info().buffers()).allSatisfy(info -> assertThat(info.finished()).isTrue());
    }

    @Test
    void producersWaitWhileTheBufferIsFull() {
        Page page = page(1, 2, 3);
        OutputBuffer buffer = new OutputBuffer(1, 2 * page.sizeInBytes());
        buffer.enqueue(0, page);
        buffer.enqueue(0, page);
        assertThat(buffer.isFull()).isDone();
        buffer.enqueue(0, page);
        CompletableFuture<Void> full = buffer.isFull();
        assertThat(full).isNotDone();
        assertThat(buffer.info().totalBufferedBytes()).isEqualTo(3 * page.sizeInBytes());

        buffer.get(0, 0, UNLIMITED); // sending frees nothing
        assertThat(full).isNotDone();
        buffer.acknowledge(0, 1);
        assertThat(full).isDone();
        assertThat(buffer.isFull()).isDone();
        assertThat(buffer.info().totalBufferedBytes()).isEqualTo(2 * page.sizeInBytes());
    }

    @Test
    void destroyingABufferFreesItsPagesAndUnblocksProducers() {
        Page page = page(1);
        OutputBuffer buffer = new OutputBuffer(2, page.sizeInBytes());
        buffer.enqueue(1, page);
        buffer.enqueue(1, page);
        CompletableFuture<Void> full = buffer.isFull();
        assertThat(full).isNotDone();

        buffer.destroy(1);
        assertThat(full).isDone();
        assertThat(buffer.info().totalBufferedBytes()).isZero();
        assertThat(buffer.get(1, 0, UNLIMITED)).isEqualTo(new BufferResult(0, 0, List.of(), true, false));
        buffer.enqueue(1, page);
        assertThat(buffer.info().buffers().get(1).bufferedPages()).isZero();

        buffer.setNoMorePages();
        buffer.get(0, 0, UNLIMITED);
        assertThat(buffer.isFinished()).isTrue();
    }

    @Test
    void whenReadyCompletesOnPagesOnTheEndAndOnAbort() {
        OutputBuffer buffer = new OutputBuffer(3, UNLIMITED);
        CompletableFuture<Void> first = buffer.whenReady(0, 0);
        CompletableFuture<Void> second = buffer.whenReady(0, 1);
        assertThat(first).isNotDone();
        buffer.enqueue(0, page(1));
        assertThat(first).isDone();
        assertThat(second).isNotDone();
        assertThat(buffer.whenReady(0, 0)).isDone();

        CompletableFuture<Void> other = buffer.whenReady(1, 0);
        buffer.setNoMorePages();
        assertThat(second).isDone();
        assertThat(other).isDone();

        OutputBuffer aborted = new OutputBuffer(1, UNLIMITED);
        CompletableFuture<Void> waiting = aborted.whenReady(0, 0);
        aborted.abort();
        assertThat(waiting).isDone();
    }

    @Test
    void abortDropsEverythingAndTellsReadersSo() {
        Page page = page(1);
        OutputBuffer buffer = new OutputBuffer(2, page.sizeInBytes());
        buffer.enqueue(0, page);
        buffer.enqueue(0, page);
        CompletableFuture<Void> full = buffer.isFull();

        buffer.abort();
        assertThat(full).isDone();
        BufferResult result = buffer.get(0, 0, UNLIMITED);
        assertThat(result.pages()).isEmpty();
        assertThat(result.bufferComplete()).isTrue();
        assertThat(result.aborted()).isTrue();
        assertThat(buffer.info().state()).isEqualTo(OutputBufferInfo.State.ABORTED);
        assertThat(buffer.info().totalBufferedBytes()).isZero();
        assertThat(buffer.isFinished()).isFalse();
        assertThat(buffer.isAborted()).isTrue();
        assertThat(buffer.whenFinished()).isDone();
        buffer.enqueue(1, page);
        assertThat(buffer.info().totalBufferedPages()).isZero();
    }

    @Test
    void aRetainingBufferServesEveryPageAgainToANewConsumerAttempt() {
        OutputBuffer buffer = new OutputBuffer(2, 1, true, UNLIMITED);
        Page a = page(1);
        Page b = page(2);
        Page c = page(3);
        buffer.enqueue(0, a);
        buffer.enqueue(0, b);
        assertThat(buffer.isFull()).isNotDone();
        assertThat(buffer.get(0, 0, UNLIMITED).pages()).containsExactly(a, b);
        buffer.enqueue(0, c);
        // acknowledging frees room for the producer although the pages are kept
        assertThat(buffer.get(0, 2, UNLIMITED).pages()).containsExactly(c);
        buffer.acknowledge(0, 3);
        assertThat(buffer.isFull()).isDone();
        assertThat(buffer.bufferedBytes()).isEqualTo(a.sizeInBytes() + b.sizeInBytes() + c.sizeInBytes());

        // a new attempt of the consumer starts again from token 0, in bounded replies
        BufferResult again = buffer.get(0, 0, 1);
        assertThat(again.pages()).containsExactly(a);
        assertThat(again.bufferComplete()).isFalse();
        assertThat(buffer.get(0, 1, UNLIMITED).pages()).containsExactly(b, c);
        buffer.setNoMorePages();
        BufferResult end = buffer.get(0, 1, UNLIMITED);
        assertThat(end.pages()).containsExactly(b, c);
        assertThat(end.bufferComplete()).isTrue();

        // a destroyed buffer of a retaining output still serves what it had
        buffer.destroy(1);
        assertThat(buffer.get(1, 0, UNLIMITED).bufferComplete()).isTrue();
        buffer.destroy(0);
        assertThat(buffer.get(0, 0, UNLIMITED).pages()).containsExactly(a, b, c);
        assertThat(buffer.isFinished()).isTrue();

        buffer.abort();
        assertThat(buffer.bufferedBytes()).isZero();
        assertThat(buffer.get(0, 0, UNLIMITED).aborted()).isTrue();
    }

    @Test
    void aRetainingBufferDestroyedEarlyKeepsLaterPagesForARerunConsumer() {
        OutputBuffer buffer = new OutputBuffer(2, 1, true, UNLIMITED);
        Page a = page(1);
        Page b = page(2);
        // the consumer of buffer 1 had what it needed from an earlier attempt of this producer and let go
        buffer.destroy(1);
        CompletableFuture<Void> waiting = buffer.whenReady(1, 0);
        assertThat(waiting).isNotDone();
        buffer.enqueue(1, a);
        assertThat(waiting).isDone();
        buffer.enqueue(1, b);
        // kept for a re-read only: the producer is not held back
        assertThat(buffer.isFull()).isDone();

        // a re-run of that consumer reads every page, and learns of the end only with it
        BufferResult first = buffer.get(1, 0, UNLIMITED);
        assertThat(first.pages()).containsExactly(a, b);
        assertThat(first.bufferComplete()).isFalse();
        assertThat(buffer.get(1, 2, UNLIMITED).bufferComplete()).isFalse();
        buffer.setNoMorePages();
        assertThat(buffer.get(1, 2, UNLIMITED).bufferComplete()).isTrue();
    }

    @Test
    void aDestroyedBufferPastTheRetainLimitRefusesReReads() {
        Page a = page(1);
        OutputBuffer buffer = new OutputBuffer(2, UNLIMITED, true, a.sizeInBytes());
        buffer.destroy(1);
        buffer.enqueue(1, a);
        buffer.enqueue(1, page(2)); // past the limit: nothing is kept any more, later pages are dropped
        buffer.enqueue(1, page(3));
        buffer.setNoMorePages();
        assertThatThrownBy(() -> buffer.get(1, 0, UNLIMITED)).isInstanceOf(OutputBuffer.OutputForgotten.class);
        assertThatThrownBy(() -> buffer.get(1, 1, UNLIMITED)).isInstanceOf(OutputBuffer.OutputForgotten.class);
    }

    @Test
    void aRetainingBufferPastItsLimitRefusesReReadsInsteadOfAnsweringLess() {
        Page a = page(1);
        OutputBuffer buffer = new OutputBuffer(1, UNLIMITED, true, a.sizeInBytes());
        Page b = page(2);
        buffer.enqueue(0, a);
        buffer.enqueue(0, b);
        buffer.get(0, 0, UNLIMITED);
        buffer.acknowledge(0, 1);
        assertThat(buffer.get(0, 0, UNLIMITED).pages()).containsExactly(a, b);
        buffer.acknowledge(0, 2); // the second page does not fit: nothing is kept any more
        assertThat(buffer.bufferedBytes()).isZero();
        assertThatThrownBy(() -> buffer.get(0, 0, UNLIMITED)).isInstanceOf(OutputBuffer.OutputForgotten.class);
        assertThat(buffer.get(0, 2, UNLIMITED).pages()).isEmpty();
    }

    @Test
    void anOrdinaryBufferForgetsAcknowledgedPages() {
        OutputBuffer buffer = new OutputBuffer(1, UNLIMITED);
        buffer.enqueue(0, page(1));
        buffer.get(0, 0, UNLIMITED);
        buffer.acknowledge(0, 1);
        assertThat(buffer.bufferedBytes()).isZero();
        BufferResult stale = buffer.get(0, 0, UNLIMITED);
        assertThat(stale.pages()).isEmpty();
        assertThat(stale.bufferComplete()).isTrue();
    }

    @Test
    void rejectsUnknownBuffers() {
        OutputBuffer buffer = new OutputBuffer(2, UNLIMITED);
        assertThatThrownBy(() -> buffer.enqueue(2, page(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.get(-1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentProducersDeliverEveryPageOnceAndInOrder() throws Exception {
        int producers = 4;
        int partitions = 3;
        int pagesPerProducer = 2_000;
        OutputBuffer buffer = new OutputBuffer(partitions, 20 * page(0, 0).sizeInBytes());
        ExecutorService executor = Executors.newFixedThreadPool(producers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int producer = 0; producer < producers; producer++) {
                int id = producer;
                running.add(executor.submit(() -> {
                    for (int sequence = 0; sequence < pagesPerProducer; sequence++) {
                        buffer.isFull().get(30, SECONDS);
                        buffer.enqueue(sequence % partitions, page(id, sequence));
                    }
                    return null;
                }));
            }
            CompletableFuture<Void> producersDone = CompletableFuture.runAsync(() -> {
                for (Future<?> future : running) {
                    try {
                        future.get(60, SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                buffer.setNoMorePages();
            });

            long[] tokens = new long[partitions];
            boolean[] complete = new boolean[partitions];
            int[][] lastSequence = new int[partitions][producers];
            for (int[] row : lastSequence) {
                Arrays.fill(row, -1);
            }
            int received = 0;
            long deadline = System.nanoTime() + SECONDS.toNanos(60);
            while (!(complete[0] && complete[1] && complete[2])) {
                assertThat(System.nanoTime()).as("consumer deadline").isLessThan(deadline);
                boolean progress = false;
                List<CompletableFuture<Void>> waits = new ArrayList<>();
                for (int partition = 0; partition < partitions; partition++) {
                    if (complete[partition]) {
                        continue;
                    }
                    BufferResult result = buffer.get(partition, tokens[partition], 4 * page(0, 0).sizeInBytes());
                    for (Page page : result.pages()) {
                        int producer = (int) ((LongBlock) page.block(0)).getLong(0);
                        int sequence = (int) ((LongBlock) page.block(0)).getLong(1);
                        assertThat(sequence % partitions).isEqualTo(partition);
                        assertThat(sequence).isGreaterThan(lastSequence[partition][producer]);
                        assertThat(sequence - lastSequence[partition][producer]).isLessThanOrEqualTo(partitions);
                        lastSequence[partition][producer] = sequence;
                        received++;
                    }
                    progress |= !result.pages().isEmpty();
                    tokens[partition] = result.nextToken();
                    complete[partition] = result.bufferComplete();
                    waits.add(buffer.whenReady(partition, tokens[partition]));
                }
                if (!progress && !waits.isEmpty()) {
                    CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).get(30, SECONDS);
                }
            }
            producersDone.get(30, SECONDS);
            assertThat(received).isEqualTo(producers * pagesPerProducer);
            for (int partition = 0; partition < partitions; partition++) {
                buffer.acknowledge(partition, tokens[partition]);
            }
            assertThat(buffer.isFinished()).isTrue();
            assertThat(buffer.info().totalBufferedBytes()).isZero();
        } finally {
            executor.shutdownNow();
        }
    }

    private static Page page(long... values) {
        return Page.of(new LongBlock(values.length, null, values.clone()));
    }
}
