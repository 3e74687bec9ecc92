package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.page.Pages;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSink;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestMemoryConnector {
    private static final SchemaTableName T = new SchemaTableName("default", "t");
    private static final ColumnMetadata A = new ColumnMetadata("a", Types.BIGINT);
    private static final ColumnMetadata B = new ColumnMetadata("b", Types.VARCHAR);

    private static final ConnectorContext NODE_1 = new ConnectorContext() {
        @Override
        public String nodeId() {
            return "node-1";
        }
    };

    private static Page rows(long... values) {
        BlockBuilder a = BlockBuilder.create(Types.BIGINT, values.length);
        BlockBuilder b = BlockBuilder.create(Types.VARCHAR, values.length);
        for (long value : values) {
            a.appendLong(value);
            b.appendString("v" + value);
        }
        return new Page(values.length, a.build(), b.build());
    }

    private static List<Page> readAll(PageSource source) {
        List<Page> pages = new ArrayList<>();
        while (!source.isFinished()) {
            Page page = source.nextPage();
            if (page != null) {
                pages.add(page);
            }
        }
        return pages;
    }

    @Test
    void writtenPagesAreReadBackThroughTheCommittedSplit() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = connector.pageSink(target);
        sink.appendPage(rows(1, 2));
        sink.appendPage(rows());
        sink.appendPage(rows(3));
        WrittenFragment fragment = sink.finish();
        assertThat(fragment.nodeId()).isEqualTo("node-1");
        assertThat(fragment.rows()).isEqualTo(3);
        assertThat(fragment.bytes()).isEqualTo(connector.store().usedBytes());
        assertThat(connector.metadata().finishWrite(target, List.of(fragment))).isEqualTo(3);

        List<Split> splits = connector.splits(T, 10);
        assertThat(splits).hasSize(1);
        List<Page> pages = readAll(connector.pageSource(splits.get(0), List.of(B, A)));
        // the small pages were joined into one
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).channelCount()).isEqualTo(2);
        assertThat(Values.toObject(Types.VARCHAR, pages.get(0).block(0), 2)).isEqualTo("v3");
        assertThat(Values.toObject(Types.BIGINT, pages.get(0).block(1), 1)).isEqualTo(2L);
        // count(*) reads no column at all.
        List<Page> counted = readAll(connector.pageSource(splits.get(0), List.of()));
        assertThat(counted.stream().mapToInt(Page::positionCount).sum()).isEqualTo(3);
        assertThat(counted.get(0).channelCount()).isZero();
    }

    @Test
    void smallPagesAreStoredJoinedIntoPagesOfUpToMaxRows() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = connector.pageSink(target);
        int pieces = 3 * Pages.MAX_ROWS / 800 + 1;
        long next = 0;
        for (int piece = 0; piece < pieces; piece++) {
            long[] values = new long[800];
            for (int i = 0; i < values.length; i++) {
                values[i] = next++;
            }
            sink.appendPage(rows(values));
        }
        connector.metadata().finishWrite(target, List.of(sink.finish()));
        List<Page> pages = readAll(connector.pageSource(connector.splits(T, 1).get(0), List.of(A, B)));
        assertThat(pages.stream().mapToInt(Page::positionCount).sum()).isEqualTo(pieces * 800);
        assertThat(pages).hasSizeLessThanOrEqualTo(4);
        assertThat(pages.get(0).positionCount()).isGreaterThanOrEqualTo(Pages.MAX_ROWS).isLessThan(Pages.MAX_ROWS + 800);
        long expected = 0;
        for (Page page : pages) {
            for (int i = 0; i < page.positionCount(); i++) {
                assertThat(Values.toObject(Types.BIGINT, page.block(0), i)).isEqualTo(expected);
                assertThat(Values.toObject(Types.VARCHAR, page.block(1), i)).isEqualTo("v" + expected);
                expected++;
            }
        }
    }

    @Test
    void aNodesPagesAreCutIntoPartsThatItsDriversReadSideBySide() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = connector.pageSink(target);
        long next = 0;
        for (int page = 0; page < 7; page++) {
            long[] values = new long[Pages.MAX_ROWS / 2];
            for (int i = 0; i < values.length; i++) {
                values[i] = next++;
            }
            sink.appendPage(rows(values));
        }
        connector.metadata().finishWrite(target, List.of(sink.finish()));

        // 3.5 pages' worth of rows: three parts of at least a page's worth, whatever the hint asks beyond that
        List<Split> splits = connector.splits(T, 8);
        assertThat(splits).hasSize(3).allSatisfy(split -> assertThat(((MemorySplit) split).parts()).isEqualTo(3));
        List<Long> read = new ArrayList<>();
        for (Split split : splits) {
            List<Page> pages = readAll(connector.pageSource(split, List.of(A)));
            assertThat(pages).isNotEmpty();
            pages.forEach(page -> {
                for (int i = 0; i < page.positionCount(); i++) {
                    read.add((Long) Values.toObject(Types.BIGINT, page.block(0), i));
                }
            });
        }
        assertThat(read).hasSize((int) next).doesNotHaveDuplicates();
        assertThat(connector.splits(T, 1)).hasSize(1);
        assertThat(connector.splits(T, 2)).hasSize(2);
    }

    @Test
    void committedWritesKeepRowCountsAndDistinctValuesForThePlanner() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink first = connector.pageSink(target);
        first.appendPage(rows(1, 2, 3, 1));
        PageSink second = connector.pageSink(target);
        second.appendPage(rows(3, 4, 5));
        connector.metadata().finishWrite(target, List.of(first.finish(), second.finish()));
        var statistics = connector.metadata().statistics(T);
        assertThat(statistics.rowCount()).isEqualTo(7);
        assertThat(statistics.distinctValues("a")).hasValue(5);
        assertThat(statistics.distinctValues("b")).hasValue(5);

        WriteTarget insert = connector.metadata().beginInsert(T, "q2");
        PageSink third = connector.pageSink(insert);
        third.appendPage(rows(6, 7));
        connector.metadata().finishWrite(insert, List.of(third.finish()));
        assertThat(connector.metadata().statistics(T).rowCount()).isEqualTo(9);
        assertThat(connector.metadata().statistics(T).distinctValues("a")).hasValue(7);
    }

    @Test
    void anAbortedSinkLeavesNothingAndDropDataFreesTheTable() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink failed = connector.pageSink(target);
        failed.appendPage(rows(1, 2));
        failed.abort();
        assertThat(connector.store().usedBytes()).isZero();
        PageSink sink = connector.pageSink(target);
        sink.appendPage(rows(1, 2));
        connector.metadata().finishWrite(target, List.of(sink.finish()));
        assertThat(connector.store().usedBytes()).isPositive();
        connector.dropData(connector.metadata().dropTable(T));
        assertThat(connector.store().usedBytes()).isZero();
    }

    @Test
    void aFailedWriteIsDroppedWithoutTouchingCommittedData() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget create = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink committed = connector.pageSink(create);
        committed.appendPage(rows(1, 2));
        connector.metadata().finishWrite(create, List.of(committed.finish()));
        long committedBytes = connector.store().usedBytes();

        WriteTarget insert = connector.metadata().beginInsert(T, "q2");
        PageSink finished = connector.pageSink(insert);
        finished.appendPage(rows(3, 4, 5));
        finished.finish();
        // The query failed elsewhere: the coordinator tells every worker to drop the write.
        connector.dropWrite(insert);
        assertThat(connector.store().usedBytes()).isEqualTo(committedBytes);
        List<Page> pages = readAll(connector.pageSource(connector.splits(T, 1).get(0), List.of(A)));
        assertThat(pages.stream().mapToInt(Page::positionCount).sum()).isEqualTo(2);
    }

    @Test
    void theLimitComesFromTheCatalogProperties() {
        Connector connector = new MemoryConnectorFactory().create("memory", Map.of("memory.max-data-per-node", "1kB"), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = connector.pageSink(target);
        long[] many = new long[200];
        assertThatThrownBy(() -> sink.appendPage(rows(many)))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MEMORY_LIMIT_EXCEEDED))
                .hasMessageContaining("Memory limit [1024]");
        assertThat(((MemoryConnector) connector).store().maxBytes()).isEqualTo(1024);
        assertThat(((MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1)).store().maxBytes())
                .isEqualTo(1L << 30);
    }

    @Test
    void badPropertiesAreConfigurationErrorsNamingTheKey() {
        MemoryConnectorFactory factory = new MemoryConnectorFactory();
        assertThatThrownBy(() -> factory.create("mem", Map.of("memory.max-data-per-node", "lots"), NODE_1))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("'memory.max-data-per-node' in catalog 'mem'");
        assertThatThrownBy(() -> factory.create("mem", Map.of("memory.max-data-per-node", "0B"), NODE_1))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> factory.create("mem", Map.of("memory.replication-factor", "0"), NODE_1))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessage("Invalid value '0' for property 'memory.replication-factor' in catalog 'mem': it must be at least 1");
        assertThatThrownBy(() -> factory.create("mem", Map.of("memory.replication-factor", "two"), NODE_1))
                .hasMessageContaining("'memory.replication-factor' in catalog 'mem': it must be a whole number");
        assertThat(((MemoryConnector) factory.create("mem", Map.of(), NODE_1)).metadata().replicationFactor()).isEqualTo(2);
        assertThat(((MemoryConnector) factory.create("mem", Map.of("memory.replication-factor", "3"), NODE_1))
                .metadata().replicationFactor()).isEqualTo(3);
        assertThatThrownBy(() -> factory.create("mem", Map.of("memory.other", "1"), NODE_1))
                .hasMessage("Unknown property 'memory.other' in catalog 'mem' (connector memory)");
        assertThat(factory.create("mem", Map.of("memory.replication-factor", "1", "connector.name", "memory"), NODE_1)).isNotNull();
    }

    @Test
    void lowCardinalityVarcharColumnsAreStoredDictionaryEncodedAndReadBackExactly() {
        MemoryConnector connector = (MemoryConnector) new MemoryConnectorFactory().create("memory", Map.of(), NODE_1);
        WriteTarget target = connector.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        int rows = 1000;
        String[] modes = {"TRUCK", "MAIL", null, "REG AIR", "AIR"};
        BlockBuilder a = BlockBuilder.create(Types.BIGINT, rows);
        BlockBuilder b = BlockBuilder.create(Types.VARCHAR, rows);
        BlockBuilder unique = BlockBuilder.create(Types.VARCHAR, rows);
        for (int i = 0; i < rows; i++) {
            a.appendLong(i);
            b.appendObject(modes[i * 7 % modes.length]);
            unique.appendObject("comment " + i);
        }
        Page low = new Page(rows, a.build(), b.build());
        PageSink sink = connector.pageSink(target);
        sink.appendPage(low);
        WrittenFragment fragment = sink.finish();
        connector.metadata().finishWrite(target, List.of(fragment));
        // ids (4 bytes a row) and five values instead of offsets and the strings of every row
        assertThat(fragment.bytes()).isLessThan(low.sizeInBytes() - 3 * rows);

        List<Page> pages = readAll(connector.pageSource(connector.splits(T, 10).get(0), List.of(A, B)));
        assertThat(pages).hasSize(1);
        assertThat(pages.get(0).block(1)).isInstanceOf(io.quarry.block.DictionaryBlock.class);
        assertThat(((io.quarry.block.DictionaryBlock) pages.get(0).block(1)).dictionary().positionCount()).isEqualTo(5);
        assertThat(pages.get(0).block(0)).isInstanceOf(io.quarry.block.LongBlock.class);
        for (int i = 0; i < rows; i++) {
            assertThat(Values.toObject(Types.VARCHAR, pages.get(0).block(1), i)).isEqualTo(modes[i * 7 % modes.length]);
            assertThat(Values.toObject(Types.BIGINT, pages.get(0).block(0), i)).isEqualTo((long) i);
        }

        // a column of many distinct values stays flat
        Page high = new Page(rows, a.build(), unique.build());
        assertThat(DictionaryEncoder.encode(high)).isSameAs(high);
        Page encoded = DictionaryEncoder.encode(low);
        assertThat(encoded.block(1)).isInstanceOf(io.quarry.block.DictionaryBlock.class);
        assertThat(encoded.sizeInBytes()).isLessThan(low.sizeInBytes());
    }

    /** A transport between connectors of one test: copies land in the target connector's store. */
    private static final class DirectTransport implements ReplicaTransport {
        private final Map<String, MemoryConnector> nodes;

        DirectTransport(Map<String, MemoryConnector> nodes) {
            this.nodes = nodes;
        }

        @Override
        public java.util.concurrent.CompletionStage<List<String>> activeWorkers() {
            return java.util.concurrent.CompletableFuture.completedFuture(List.copyOf(nodes.keySet()));
        }

        @Override
        public java.util.concurrent.CompletionStage<Void> copy(String catalog, long tableId, String dataId, List<Page> pages, String target) {
            try {
                nodes.get(target).store().appendCopy(tableId, dataId, pages, true);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            } catch (RuntimeException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        }
    }

    private static MemoryConnector node(String id, int factor, long maxBytes) {
        return new MemoryConnector("memory", id, maxBytes, factor, new ConnectorContext() {
            @Override
            public String nodeId() {
                return id;
            }
        });
    }

    @Test
    void aWriterCopiesItsPieceToOtherWorkersAndTheCommitRecordsEveryHolder() {
        Map<String, MemoryConnector> nodes = new java.util.TreeMap<>();
        for (String id : List.of("n1", "n2", "n3")) {
            nodes.put(id, node(id, 2, 1L << 20));
        }
        DirectTransport transport = new DirectTransport(nodes);
        nodes.values().forEach(connector -> connector.bindTransport(transport));
        MemoryConnector coordinator = nodes.get("n1");
        WriteTarget target = coordinator.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = nodes.get("n2").pageSink(target);
        sink.appendPage(rows(1, 2, 3));
        WrittenFragment fragment = sink.finish();
        coordinator.metadata().finishWrite(target, List.of(fragment));

        List<String> holders = coordinator.metadata().holders(T).get(fragment.dataId());
        assertThat(holders).hasSize(2).startsWith("n2");
        String replica = holders.get(1);
        assertThat(nodes.get(replica).store().rows(target.tableId(), fragment.dataId())).isEqualTo(3);
        // every copy counts against its node's limit
        assertThat(nodes.get(replica).store().usedBytes()).isEqualTo(nodes.get("n2").store().usedBytes()).isPositive();
        assertThat(coordinator.metadata().statistics(T).rowCount()).isEqualTo(3);
        assertThat(coordinator.metadata().rowsByNode(T)).isEqualTo(Map.of("n2", 3L, replica, 3L));

        // the copy reads the same rows as the original
        MemorySplit split = (MemorySplit) coordinator.metadata().splits(T, node -> !node.equals("n2")).get(0);
        assertThat(split.nodeId()).isEqualTo(replica);
        assertThat(readAll(nodes.get(replica).pageSource(split, List.of(A))).stream().mapToInt(Page::positionCount).sum()).isEqualTo(3);
        // dropping the table frees every copy
        nodes.values().forEach(connector -> connector.dropData(target));
        nodes.values().forEach(connector -> assertThat(connector.store().usedBytes()).isZero());
    }

    @Test
    void aCopyThatDoesNotFitFailsTheWriteWithTheLimitError() {
        MemoryConnector big = node("n1", 2, 1L << 20);
        MemoryConnector tiny = node("n2", 2, 10);
        DirectTransport transport = new DirectTransport(new java.util.TreeMap<>(Map.of("n1", big, "n2", tiny)));
        big.bindTransport(transport);
        WriteTarget target = big.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = big.pageSink(target);
        sink.appendPage(rows(1, 2, 3));
        assertThatThrownBy(sink::finish)
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MEMORY_LIMIT_EXCEEDED));
        assertThat(tiny.store().usedBytes()).isZero();
    }

    @Test
    void withoutATransportOrWithOneWorkerAPieceStaysWhereItWasWritten() {
        MemoryConnector alone = node("n1", 2, 1L << 20);
        WriteTarget target = alone.metadata().beginCreateTable(new TableMetadata(T, List.of(A, B)), "q1");
        PageSink sink = alone.pageSink(target);
        sink.appendPage(rows(1));
        assertThat(sink.finish().statistics()).doesNotStartWith("replicas:");
        alone.bindTransport(new DirectTransport(Map.of("n1", alone)));
        PageSink second = alone.pageSink(target);
        second.appendPage(rows(2));
        WrittenFragment fragment = second.finish();
        alone.metadata().finishWrite(target, List.of(fragment));
        assertThat(alone.metadata().holders(T)).containsExactly(Map.entry(fragment.dataId(), List.of("n1")));
    }
}
