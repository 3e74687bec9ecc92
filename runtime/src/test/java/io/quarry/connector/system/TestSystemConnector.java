package io.quarry.connector.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.NodeInfo;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class TestSystemConnector {
    private final CompletableFuture<List<NodeInfo>> nodes = new CompletableFuture<>();
    private final Connector connector = new SystemConnectorFactory().create("system", Map.of(), new ConnectorContext() {
        @Override
        public CompletionStage<List<NodeInfo>> clusterNodes() {
            return nodes;
        }
    });

    @Test
    void schemasAndTablesAreTrinos() {
        assertThat(connector.metadata().listSchemas()).containsExactly("jdbc", "metadata", "runtime");
        assertThat(connector.metadata().listTables("runtime")).containsExactly("nodes", "queries", "tasks");
        assertThat(connector.metadata().listTables("jdbc")).containsExactly("attributes", "catalogs", "columns",
                "procedure_columns", "procedures", "pseudo_columns", "schemas", "super_tables", "super_types",
                "table_types", "tables", "types", "udts");
        assertThat(connector.metadata().listTables("other")).isEmpty();
        TableMetadata table = connector.metadata().table(new SchemaTableName("runtime", "nodes")).orElseThrow();
        assertThat(table.columns()).extracting(c -> c.name())
                .containsExactly("node_id", "http_uri", "node_version", "coordinator", "state");
        TableMetadata columns = connector.metadata().table(new SchemaTableName("jdbc", "columns")).orElseThrow();
        assertThat(columns.columns()).hasSize(24);
        assertThat(columns.column("data_type").orElseThrow().type()).isEqualTo(Types.BIGINT);
        assertThat(columns.column("is_nullable").orElseThrow().type()).isEqualTo(Types.VARCHAR);
        assertThat(connector.metadata().table(new SchemaTableName("jdbc", "types")).orElseThrow()
                        .column("case_sensitive").orElseThrow().type())
                .isEqualTo(Types.BOOLEAN);
        assertThatThrownBy(() -> connector.splits(new SchemaTableName("runtime", "nothing"), 1))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TABLE_NOT_FOUND));
    }

    @Test
    void pagesWaitForTheRegistryWithoutBlocking() {
        SchemaTableName name = new SchemaTableName("runtime", "nodes");
        List<Split> splits = connector.splits(name, 8);
        assertThat(splits).hasSize(1);
        TableMetadata table = connector.metadata().table(name).orElseThrow();
        PageSource source = connector.pageSource(splits.get(0), List.of(table.columns().get(3), table.columns().get(0)));
        assertThat(source.nextPage()).isNull();
        assertThat(source.isFinished()).isFalse();

        nodes.complete(List.of(
                new NodeInfo("coordinator", "http://127.0.0.1:8080", "0.1.0", true, "active"),
                new NodeInfo("worker-1", "http://127.0.0.1:8081", "0.1.0", false, "failed")));
        Page page = source.nextPage();
        assertThat(source.isFinished()).isTrue();
        assertThat(page.positionCount()).isEqualTo(2);
        assertThat(Values.toObject(Types.BOOLEAN, page.block(0), 0)).isEqualTo(true);
        assertThat(Values.toObject(Types.VARCHAR, page.block(1), 1)).isEqualTo("worker-1");
        assertThat(source.completedPositions()).isEqualTo(2);
    }

    @Test
    void propertiesAreRejected() {
        assertThatThrownBy(() -> new SystemConnectorFactory().create("system", Map.of("x", "y"), ConnectorContext.EMPTY))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_INVALID));
    }
}
