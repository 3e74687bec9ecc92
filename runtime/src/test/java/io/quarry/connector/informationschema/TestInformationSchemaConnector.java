package io.quarry.connector.informationschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Values;
import io.quarry.connector.memory.MemoryConnectorFactory;
import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.page.Page;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.PageSource;
import io.quarry.spi.QuarryException;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.Split;
import io.quarry.spi.TableMetadata;
import io.quarry.type.Types;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestInformationSchemaConnector {
    private final Connector tpch = new InformationSchemaConnector("tpch", new TpchConnector(TpchColumnNaming.SIMPLIFIED));

    private static List<List<Object>> read(Connector connector, String table, String... columns) {
        SchemaTableName name = new SchemaTableName("information_schema", table);
        TableMetadata metadata = connector.metadata().table(name).orElseThrow();
        List<ColumnMetadata> wanted = Arrays.stream(columns).map(c -> metadata.column(c).orElseThrow()).toList();
        List<List<Object>> rows = new ArrayList<>();
        for (Split split : connector.splits(name, 2)) {
            PageSource source = connector.pageSource(split, wanted);
            Page page = source.nextPage();
            assertThat(source.isFinished()).isTrue();
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < wanted.size(); channel++) {
                    row.add(Values.toObject(wanted.get(channel).type(), page.block(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void informationSchemaIsListedBesideTheConnectorsSchemas() {
        ConnectorMetadata metadata = tpch.metadata();
        assertThat(metadata.listSchemas()).contains("tiny", "sf1").endsWith("information_schema");
        assertThat(metadata.schemaExists("information_schema")).isTrue();
        assertThat(metadata.listTables("information_schema")).containsExactly("applicable_roles", "columns",
                "enabled_roles", "roles", "schemata", "table_privileges", "tables", "views");
        assertThat(metadata.table(new SchemaTableName("information_schema", "columns")).orElseThrow().columns())
                .extracting(ColumnMetadata::name)
                .containsExactly("table_catalog", "table_schema", "table_name", "column_name", "ordinal_position",
                        "column_default", "is_nullable", "data_type", "comment", "extra_info");
        // as in Trino, comment and extra_info are hidden: read when named, never by SELECT * nor listed
        assertThat(metadata.table(new SchemaTableName("information_schema", "columns")).orElseThrow().visibleColumns())
                .extracting(ColumnMetadata::name)
                .containsExactly("table_catalog", "table_schema", "table_name", "column_name", "ordinal_position",
                        "column_default", "is_nullable", "data_type");
        assertThat(metadata.table(new SchemaTableName("information_schema", "table_privileges")).orElseThrow().columns())
                .hasSize(10);
        assertThat(metadata.table(new SchemaTableName("tiny", "nation"))).isPresent();
    }

    @Test
    void rowsComeFromTheCatalogsMetadata() {
        assertThat(read(tpch, "schemata", "catalog_name", "schema_name")).contains(
                List.of("tpch", "tiny"), List.of("tpch", "information_schema")).hasSize(10);
        assertThat(read(tpch, "tables", "table_schema", "table_name", "table_type"))
                .contains(List.of("tiny", "nation", "BASE TABLE"), List.of("information_schema", "views", "BASE TABLE"))
                .hasSize(9 * 8 + 8);
        List<List<Object>> columns = read(tpch, "columns", "table_schema", "table_name", "column_name",
                "ordinal_position", "is_nullable", "data_type", "column_default");
        assertThat(columns.stream().filter(row -> row.get(0).equals("tiny") && row.get(1).equals("region")))
                .containsExactly(
                        Arrays.asList("tiny", "region", "regionkey", 1L, "NO", "bigint", null),
                        Arrays.asList("tiny", "region", "name", 2L, "NO", "varchar(25)", null),
                        Arrays.asList("tiny", "region", "comment", 3L, "NO", "varchar(152)", null));
        assertThat(columns.stream().filter(row -> row.get(0).equals("information_schema") && row.get(1).equals("roles")))
                .containsExactly(Arrays.asList("information_schema", "roles", "role_name", 1L, "YES", "varchar", null));
        // the hidden columns of information_schema.columns are not listed as its columns
        assertThat(columns.stream().filter(row -> row.get(0).equals("information_schema") && row.get(1).equals("columns")))
                .extracting(row -> row.get(2))
                .containsExactly("table_catalog", "table_schema", "table_name", "column_name", "ordinal_position",
                        "column_default", "is_nullable", "data_type");
        assertThat(read(tpch, "views", "table_name")).isEmpty();
        assertThat(read(tpch, "enabled_roles", "role_name")).isEmpty();
    }

    @Test
    void memoryTablesShowAtOnceAndInformationSchemaIsReadOnly() {
        Connector memory = new InformationSchemaConnector("memory",
                new MemoryConnectorFactory().create("memory", Map.of(), ConnectorContext.EMPTY));
        memory.metadata().createSchema("s");
        memory.metadata().createTable(new TableMetadata(new SchemaTableName("s", "t"),
                List.of(new ColumnMetadata("a", Types.BIGINT), new ColumnMetadata("b", Types.varchar(3)))));
        assertThat(read(memory, "columns", "table_schema", "table_name", "column_name", "is_nullable", "data_type")
                        .stream().filter(row -> row.get(0).equals("s")))
                .containsExactly(List.of("s", "t", "a", "YES", "bigint"), List.of("s", "t", "b", "YES", "varchar(3)"));
        memory.metadata().setColumnComment(new SchemaTableName("s", "t"), "b", java.util.Optional.of("bee"));
        assertThat(read(memory, "columns", "table_schema", "column_name", "comment", "extra_info")
                        .stream().filter(row -> row.get(0).equals("s")))
                .containsExactly(Arrays.asList("s", "a", null, null), Arrays.asList("s", "b", "bee", null));
        memory.metadata().dropTable(new SchemaTableName("s", "t"));
        assertThat(read(memory, "tables", "table_schema", "table_name"))
                .noneMatch(row -> row.get(0).equals("s"));
        assertThatThrownBy(() -> memory.metadata().createSchema("information_schema"))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_ALREADY_EXISTS));
        // as in Trino: a new table is not created in a schema the connector does not have, an existing one is read-only
        assertThatThrownBy(() -> memory.metadata().createTable(new TableMetadata(
                        new SchemaTableName("information_schema", "x"), List.of(new ColumnMetadata("a", Types.BIGINT)))))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Schema information_schema not found");
                });
        assertThatThrownBy(() -> memory.metadata().dropTable(new SchemaTableName("information_schema", "columns")))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_SUPPORTED));
    }

    /** A method added to the SPI later must be forwarded too, or the wrapped connector's own version is hidden. */
    @Test
    void everyMethodOfTheSpiIsForwarded() throws Exception {
        assertForwardsAll(Connector.class, InformationSchemaConnector.class);
        Class<?> metadata = Arrays.stream(InformationSchemaConnector.class.getDeclaredClasses())
                .filter(ConnectorMetadata.class::isAssignableFrom)
                .findFirst()
                .orElseThrow();
        assertForwardsAll(ConnectorMetadata.class, metadata);
    }

    private static void assertForwardsAll(Class<?> spi, Class<?> implementation) throws Exception {
        for (Method method : spi.getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Method declared = implementation.getDeclaredMethod(method.getName(), method.getParameterTypes());
            assertThat(declared.getDeclaringClass()).as(method.toString()).isEqualTo(implementation);
        }
    }
}
