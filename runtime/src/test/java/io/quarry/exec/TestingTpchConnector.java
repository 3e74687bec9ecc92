package io.quarry.exec;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.PageSource;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.trino.tpch.TpchColumn;
import io.trino.tpch.TpchEntity;
import io.trino.tpch.TpchTable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A test-only connector over the TPC-H generator: schema {@code tiny} is scale 0.01. */
final class TestingTpchConnector implements Connector {
    record TpchSplit(String table, int part, int partCount) implements Split {}

    static Type type(TpchColumn<?> column) {
        return switch (column.getType().getBase()) {
            case IDENTIFIER -> Types.BIGINT;
            case INTEGER -> Types.INTEGER;
            case DATE -> Types.DATE;
            case DOUBLE -> Types.DOUBLE;
            case VARCHAR -> Types.varchar(column.getType().getPrecision().orElseThrow().intValue());
        };
    }

    static List<ColumnMetadata> columns(String table, String... names) {
        TpchTable<?> tpch = TpchTable.getTable(table);
        List<ColumnMetadata> columns = new ArrayList<>();
        for (String name : names) {
            TpchColumn<?> column = tpch.getColumns().stream()
                    .filter(c -> c.getSimplifiedColumnName().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no column " + name));
            columns.add(new ColumnMetadata(name, type(column)));
        }
        return columns;
    }

    @Override
    public ConnectorMetadata metadata() {
        return new ConnectorMetadata() {
            @Override
            public List<String> listSchemas() {
                return List.of("tiny");
            }

            @Override
            public boolean schemaExists(String schema) {
                return schema.equals("tiny");
            }

            @Override
            public List<String> listTables(String schema) {
                return TpchTable.getTables().stream().map(TpchTable::getTableName).toList();
            }

            @Override
            public Optional<TableMetadata> table(SchemaTableName name) {
                return Optional.empty();
            }
        };
    }

    @Override
    public List<Split> splits(SchemaTableName table, int targetSplitCount) {
        List<Split> splits = new ArrayList<>();
        for (int part = 1; part <= targetSplitCount; part++) {
            splits.add(new TpchSplit(table.table(), part, targetSplitCount));
        }
        return splits;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PageSource pageSource(Split split, List<ColumnMetadata> columns) {
        TpchSplit tpchSplit = (TpchSplit) split;
        TpchTable table = TpchTable.getTable(tpchSplit.table());
        List<TpchColumn> tpchColumns = new ArrayList<>();
        for (ColumnMetadata column : columns) {
            tpchColumns.add((TpchColumn) table.getColumns().stream()
                    .filter(c -> ((TpchColumn) c).getSimplifiedColumnName().equals(column.name()))
                    .findFirst()
                    .orElseThrow());
        }
        Iterator<TpchEntity> rows = table.createGenerator(0.01, tpchSplit.part(), tpchSplit.partCount()).iterator();
        return new PageSource() {
            private long positions;
            private long bytes;

            @Override
            public Page nextPage() {
                if (!rows.hasNext()) {
                    return null;
                }
                BlockBuilder[] builders = new BlockBuilder[columns.size()];
                for (int i = 0; i < builders.length; i++) {
                    builders[i] = BlockBuilder.create(columns.get(i).type(), 4096);
                }
                int count = 0;
                while (count < 4096 && rows.hasNext()) {
                    TpchEntity row = rows.next();
                    for (int i = 0; i < builders.length; i++) {
                        TpchColumn column = tpchColumns.get(i);
                        switch (column.getType().getBase()) {
                            case IDENTIFIER -> builders[i].appendLong(column.getIdentifier(row));
                            case INTEGER -> builders[i].appendLong(column.getInteger(row));
                            case DATE -> builders[i].appendLong(column.getDate(row));
                            case DOUBLE -> builders[i].appendDouble(column.getDouble(row));
                            case VARCHAR -> builders[i].appendString(column.getString(row));
                        }
                    }
                    count++;
                }
                Block[] blocks = new Block[builders.length];
                for (int i = 0; i < blocks.length; i++) {
                    blocks[i] = builders[i].build();
                }
                Page page = new Page(count, blocks);
                positions += count;
                bytes += page.sizeInBytes();
                return page;
            }

            @Override
            public boolean isFinished() {
                return !rows.hasNext();
            }

            @Override
            public long completedPositions() {
                return positions;
            }

            @Override
            public long completedBytes() {
                return bytes;
            }
        };
    }
}
