package io.quarry.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.spi.WriteTarget;
import io.quarry.spi.WrittenFragment;
import io.quarry.type.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TestMemoryMetadata {
    private static final SchemaTableName T = new SchemaTableName("default", "t");
    private static final List<ColumnMetadata> COLUMNS =
            List.of(new ColumnMetadata("a", Types.BIGINT), new ColumnMetadata("b", Types.varchar(5)));

    private static void assertError(ThrowingCallable call, ErrorCode code, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void schemaDefaultExistsFromTheStart() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        assertThat(metadata.listSchemas()).containsExactly("default");
        assertThat(metadata.listTables("default")).isEmpty();
        assertThat(metadata.listTables("nope")).isEmpty();
    }

    @Test
    void viewsAreKeptApartFromTablesAndShareTheirNames() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        SchemaTableName v = new SchemaTableName("default", "v");
        ViewDefinition definition = new ViewDefinition("SELECT 1 a", Optional.of("tpch"), Optional.of("tiny"),
                List.of(new ColumnMetadata("a", Types.INTEGER)));
        metadata.createView(v, definition, false);
        assertThat(metadata.view(v)).contains(definition);
        assertThat(metadata.listViews("default")).containsExactly("v");
        assertThat(metadata.listTables("default")).isEmpty();
        assertThat(metadata.table(v)).isEmpty();
        assertError(() -> metadata.createView(v, definition, false), ErrorCode.TABLE_ALREADY_EXISTS, "View already exists: 'memory.default.v'");
        ViewDefinition replaced = new ViewDefinition("SELECT 2 b", Optional.empty(), Optional.empty(),
                List.of(new ColumnMetadata("b", Types.INTEGER)));
        metadata.createView(v, replaced, true);
        assertThat(metadata.view(v)).contains(replaced);
        assertError(() -> metadata.createTable(new TableMetadata(v, COLUMNS)),
                ErrorCode.TABLE_ALREADY_EXISTS, "View 'memory.default.v' already exists");
        assertError(() -> metadata.dropSchema("default"), ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 'default'");
        metadata.createTable(new TableMetadata(T, COLUMNS));
        assertError(() -> metadata.createView(T, definition, true),
                ErrorCode.TABLE_ALREADY_EXISTS, "Table already exists: 'memory.default.t'");
        assertError(() -> metadata.createView(new SchemaTableName("nope", "v"), definition, false),
                ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.nope' does not exist");
        metadata.dropView(v);
        assertThat(metadata.view(v)).isEmpty();
        assertError(() -> metadata.dropView(v), ErrorCode.TABLE_NOT_FOUND, "View 'memory.default.v' does not exist");
    }

    @Test
    void schemasAreCreatedAndDroppedWithTrinosErrors() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        metadata.createSchema("s");
        assertThat(metadata.listSchemas()).containsExactly("default", "s");
        assertError(() -> metadata.createSchema("s"), ErrorCode.SCHEMA_ALREADY_EXISTS, "Schema 'memory.s' already exists");
        metadata.createTable(new TableMetadata(new SchemaTableName("s", "t"), COLUMNS));
        assertError(() -> metadata.dropSchema("s"), ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 's'");
        metadata.dropTable(new SchemaTableName("s", "t"));
        metadata.dropSchema("s");
        assertError(() -> metadata.dropSchema("s"), ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.s' does not exist");
        assertError(() -> metadata.createTable(new TableMetadata(new SchemaTableName("s", "t"), COLUMNS)),
                ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.s' does not exist");
    }

    @Test
    void tablesAreCreatedAndDropped() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        metadata.createTable(new TableMetadata(T, COLUMNS));
        assertThat(metadata.table(T)).contains(new TableMetadata(T, COLUMNS));
        assertThat(metadata.statistics(T).rowCount()).isZero();
        assertThat(metadata.splits(T)).isEmpty();
        assertError(() -> metadata.createTable(new TableMetadata(T, COLUMNS)),
                ErrorCode.TABLE_ALREADY_EXISTS, "Table 'memory.default.t' already exists");
        WriteTarget dropped = metadata.dropTable(T);
        assertThat(dropped.table()).isEqualTo(T);
        assertThat(metadata.table(T)).isEmpty();
        assertError(() -> metadata.dropTable(T), ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.t' does not exist");
        assertError(() -> metadata.beginInsert(T, "q"), ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.t' does not exist");
    }

    @Test
    void createTableAsIsInvisibleUntilCommittedAndGoneWhenAborted() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        WriteTarget target = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        assertThat(metadata.table(T)).isEmpty();
        assertThat(metadata.listTables("default")).isEmpty();
        // The name is taken meanwhile.
        assertError(() -> metadata.createTable(new TableMetadata(T, COLUMNS)),
                ErrorCode.TABLE_ALREADY_EXISTS, "Table 'memory.default.t' already exists");
        assertError(() -> metadata.dropSchema("default"), ErrorCode.SCHEMA_NOT_EMPTY, "Cannot drop non-empty schema 'default'");
        metadata.abortWrite(target);
        assertThat(metadata.table(T)).isEmpty();

        WriteTarget second = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q2");
        assertThat(second.tableId()).isNotEqualTo(target.tableId());
        long rows = metadata.finishWrite(second, List.of(
                new WrittenFragment("w1", "q2.w1.1", 10, 100, ""),
                new WrittenFragment("w2", "q2.w2.1", 5, 50, ""),
                new WrittenFragment("w3", "q2.w3.1", 0, 0, "")));
        assertThat(rows).isEqualTo(15);
        assertThat(metadata.table(T)).contains(new TableMetadata(T, COLUMNS));
        assertThat(metadata.statistics(T).rowCount()).isEqualTo(15);
        // Aborting after the commit changes nothing.
        metadata.abortWrite(second);
        assertThat(metadata.table(T)).isPresent();
    }

    @Test
    void commentsAndNotNullSurviveRenamesAlterationsAndCreateTableAs() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        ColumnMetadata a = new ColumnMetadata("a", Types.BIGINT, false, java.util.Optional.of("ay"));
        WriteTarget target = metadata.beginCreateTable(new TableMetadata(T, List.of(a), java.util.Optional.of("tab")), "q1");
        assertThat(target.columns()).containsExactly(a);
        metadata.finishWrite(target, List.of(new WrittenFragment("w1", "q1.w1.1", 1, 10, "")));
        assertThat(metadata.table(T).orElseThrow().comment()).contains("tab");
        assertThat(metadata.isNullable(T, "a")).isFalse();

        SchemaTableName renamed = new SchemaTableName("default", "u");
        metadata.renameTable(T, renamed);
        metadata.renameColumn(renamed, "a", "aa");
        metadata.addColumn(renamed, new ColumnMetadata("b", Types.INTEGER, true, java.util.Optional.of("bee")));
        metadata.setColumnComment(renamed, "b", java.util.Optional.empty());
        assertThat(metadata.table(renamed)).contains(new TableMetadata(renamed, List.of(
                new ColumnMetadata("aa", Types.BIGINT, false, java.util.Optional.of("ay")), new ColumnMetadata("b", Types.INTEGER)),
                java.util.Optional.of("tab")));
        long version = metadata.metadataVersion().orElseThrow();
        metadata.setTableComment(renamed, java.util.Optional.empty());
        metadata.dropNotNullConstraint(renamed, "aa");
        assertThat(metadata.metadataVersion().orElseThrow()).isGreaterThan(version);
        assertThat(metadata.table(renamed).orElseThrow().comment()).isEmpty();
        assertThat(metadata.isNullable(renamed, "aa")).isTrue();
        assertError(() -> metadata.setColumnComment(renamed, "zz", java.util.Optional.of("x")),
                ErrorCode.COLUMN_NOT_FOUND, "Column 'zz' does not exist");
    }

    @Test
    void insertsAddPiecesAndSplitsAreOnePerNodeHoldingData() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        WriteTarget create = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        metadata.finishWrite(create, List.of(new WrittenFragment("w1", "q1.w1.1", 10, 100, "")));
        WriteTarget insert = metadata.beginInsert(T, "q2");
        assertThat(insert.tableId()).isEqualTo(create.tableId());
        assertThat(insert.columns()).isEqualTo(COLUMNS);
        assertThat(metadata.finishWrite(insert, List.of(
                new WrittenFragment("w1", "q2.w1.1", 3, 30, ""), new WrittenFragment("w2", "q2.w2.1", 4, 40, "")))).isEqualTo(7);
        assertThat(metadata.rowsByNode(T)).isEqualTo(Map.of("w1", 13L, "w2", 4L));
        List<Split> splits = metadata.splits(T);
        assertThat(splits).containsExactly(
                new MemorySplit(create.tableId(), "w1", List.of("q1.w1.1", "q2.w1.1"), List.of("a", "b"), 13),
                new MemorySplit(create.tableId(), "w2", List.of("q2.w2.1"), List.of("a", "b"), 4));
        assertThat(splits.get(1).requiredNodeId()).isEqualTo(Optional.of("w2"));
        assertThat(metadata.statistics(T).rowCount()).isEqualTo(17);
    }

    @Test
    void renamesAndAddedColumnsKeepTheDataAndTruncateStartsAFreshTable() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        metadata.createSchema("s");
        WriteTarget create = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        metadata.finishWrite(create, List.of(new WrittenFragment("w1", "q1.w1.1", 10, 100, "")));
        SchemaTableName moved = new SchemaTableName("s", "u");
        metadata.renameTable(T, moved);
        assertThat(metadata.table(T)).isEmpty();
        assertThat(metadata.table(moved).orElseThrow().name()).isEqualTo(moved);
        assertThat(metadata.statistics(moved).rowCount()).isEqualTo(10);

        metadata.renameColumn(moved, "b", "c");
        metadata.addColumn(moved, new ColumnMetadata("d", Types.DATE));
        assertThat(metadata.table(moved).orElseThrow().columns()).containsExactly(
                new ColumnMetadata("a", Types.BIGINT), new ColumnMetadata("c", Types.varchar(5)), new ColumnMetadata("d", Types.DATE));
        assertThat(metadata.splits(moved)).containsExactly(
                new MemorySplit(create.tableId(), "w1", List.of("q1.w1.1"), List.of("a", "c", "d"), 10));

        WriteTarget old = metadata.truncateTable(moved);
        assertThat(old.tableId()).isEqualTo(create.tableId());
        assertThat(metadata.splits(moved)).isEmpty();
        assertThat(metadata.statistics(moved).rowCount()).isZero();
        WriteTarget insert = metadata.beginInsert(moved, "q2");
        assertThat(insert.tableId()).isNotEqualTo(create.tableId());
        assertThat(insert.columns()).hasSize(3);
        assertError(() -> metadata.renameTable(moved, new SchemaTableName("nope", "x")),
                ErrorCode.SCHEMA_NOT_FOUND, "Schema 'memory.nope' does not exist");
    }

    @Test
    void anInsertIntoATableDroppedMeanwhileIsRefused() {
        MemoryMetadata metadata = new MemoryMetadata("memory");
        metadata.createTable(new TableMetadata(T, COLUMNS));
        WriteTarget insert = metadata.beginInsert(T, "q2");
        metadata.dropTable(T);
        metadata.createTable(new TableMetadata(T, COLUMNS));
        assertError(() -> metadata.finishWrite(insert, List.of(new WrittenFragment("w1", "x", 1, 1, ""))),
                ErrorCode.TABLE_NOT_FOUND, "Table 'memory.default.t' was dropped while data was written to it");
        assertThat(metadata.statistics(T).rowCount()).isZero();
    }

    @Test
    void replicatedPiecesAreReadOnceFromALiveHolderAndSpreadOverHolders() {
        MemoryMetadata metadata = new MemoryMetadata("memory", 2);
        WriteTarget create = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        metadata.finishWrite(create, List.of(
                new WrittenFragment("w1", "p1", 10, 100, ReplicaPlacement.withReplicas(List.of("w2"), "")),
                new WrittenFragment("w2", "p2", 10, 100, ReplicaPlacement.withReplicas(List.of("w3"), "")),
                new WrittenFragment("w3", "p3", 10, 100, ReplicaPlacement.withReplicas(List.of("w1"), ""))));
        assertThat(metadata.holders(T)).containsExactly(
                Map.entry("p1", List.of("w1", "w2")), Map.entry("p2", List.of("w2", "w3")), Map.entry("p3", List.of("w3", "w1")));
        assertThat(metadata.statistics(T).rowCount()).isEqualTo(30);

        List<MemorySplit> all = metadata.splits(T, node -> true).stream().map(MemorySplit.class::cast).toList();
        assertThat(all).extracting(MemorySplit::nodeId).containsExactly("w1", "w2", "w3");
        assertThat(all.stream().flatMap(split -> split.dataIds().stream())).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(all.get(0).candidateNodeIds()).containsExactly("w1", "w2");

        // w2 is gone: every piece is still read exactly once, from another holder
        List<MemorySplit> withoutW2 = metadata.splits(T, node -> !node.equals("w2")).stream().map(MemorySplit.class::cast).toList();
        assertThat(withoutW2.stream().flatMap(split -> split.dataIds().stream())).containsExactlyInAnyOrder("p1", "p2", "p3");
        assertThat(withoutW2).extracting(MemorySplit::nodeId).doesNotContain("w2");
        assertThat(withoutW2.stream().mapToLong(MemorySplit::expectedRows).sum()).isEqualTo(30);
        // moved splits list the live holders before the dead one
        MemorySplit p2 = withoutW2.stream().filter(split -> split.dataIds().contains("p2")).findFirst().orElseThrow();
        assertThat(p2.candidateNodeIds()).containsExactly("w3", "w2");
    }

    @Test
    void aLeavingNodeIsForgottenAndCopiesRestoreTheFactor() {
        MemoryMetadata metadata = new MemoryMetadata("memory", 2);
        WriteTarget create = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        metadata.finishWrite(create, List.of(
                new WrittenFragment("w1", "p1", 10, 100, ReplicaPlacement.withReplicas(List.of("w2"), "")),
                new WrittenFragment("w2", "p2", 10, 100, ReplicaPlacement.withReplicas(List.of("w3"), ""))));
        metadata.forgetNode("w2");
        assertThat(metadata.holders(T)).containsExactly(Map.entry("p1", List.of("w1")), Map.entry("p2", List.of("w3")));
        List<ReplicaPlacement.ReplicaCopy> copies = metadata.copiesNeeded(List.of("w1", "w3"), java.util.Set.of());
        assertThat(copies).containsExactlyInAnyOrder(
                new ReplicaPlacement.ReplicaCopy("memory", create.tableId(), "p1", "w1", "w3"),
                new ReplicaPlacement.ReplicaCopy("memory", create.tableId(), "p2", "w3", "w1"));
        copies.forEach(copy -> assertThat(metadata.addHolder(copy.tableId(), copy.dataId(), copy.target())).isTrue());
        assertThat(metadata.holders(T)).containsExactly(Map.entry("p1", List.of("w1", "w3")), Map.entry("p2", List.of("w3", "w1")));
        assertThat(metadata.copiesNeeded(List.of("w1", "w3"), java.util.Set.of())).isEmpty();
        // a copy confirmed after the table was dropped is not recorded
        metadata.dropTable(T);
        assertThat(metadata.addHolder(create.tableId(), "p1", "w2")).isFalse();
    }

    @Test
    void aPieceWhoseHoldersAreAllGoneFailsTheScanNamingTheTable() {
        MemoryMetadata metadata = new MemoryMetadata("memory", 2);
        WriteTarget create = metadata.beginCreateTable(new TableMetadata(T, COLUMNS), "q1");
        metadata.finishWrite(create, List.of(new WrittenFragment("w1", "p1", 10, 100, ReplicaPlacement.withReplicas(List.of("w2"), ""))));
        metadata.forgetNode("w1");
        metadata.forgetNode("w2");
        // the last holder stays on record, so that the error names where the data was
        assertThat(metadata.holders(T)).containsExactly(Map.entry("p1", List.of("w2")));
        assertThatThrownBy(() -> metadata.splits(T, node -> false))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.MISSING_DATA))
                .hasMessageContaining("'memory.default.t'")
                .hasMessageContaining("w2");
    }
}
