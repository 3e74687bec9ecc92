package io.quarry.connector.informationschema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.connector.memory.MemoryMetadata;
import io.quarry.plan.Filter;
import io.quarry.plan.Output;
import io.quarry.plan.PlanNode;
import io.quarry.plan.TableScan;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.ViewDefinition;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestInformationSchemaPushdown {
    private static final List<ColumnMetadata> SCANNED = List.of(
            new ColumnMetadata("table_schema", Types.VARCHAR), new ColumnMetadata("table_name", Types.VARCHAR),
            new ColumnMetadata("column_name", Types.VARCHAR));

    private static Expression equal(int channel, String value) {
        return new Call("equal", List.of(new InputRef(channel, Types.VARCHAR), new Constant(value, Types.VARCHAR)), Types.BOOLEAN);
    }

    private static TableScan scan(String table) {
        return new TableScan("memory", new SchemaTableName("information_schema", table), SCANNED);
    }

    @Test
    void equalitiesOnSchemaAndTableNameGoIntoTheScannedName() {
        Expression predicate = new SpecialForm(Form.AND, List.of(equal(0, "s"), equal(1, "it's")), Types.BOOLEAN);
        PlanNode plan = new Output(new Filter(scan("columns"), predicate), List.of("a", "b", "c"));
        PlanNode pushed = InformationSchemaPushdown.apply(plan);
        Filter filter = (Filter) ((Output) pushed).source();
        assertThat(filter.predicate()).isEqualTo(predicate);
        String name = ((TableScan) filter.source()).table().table();
        assertThat(name).isEqualTo("columns[table_schema='s'][table_name='it''s']");
        InformationSchemaPushdown.ConstrainedName parsed = InformationSchemaPushdown.parse(name);
        assertThat(parsed.table()).isEqualTo("columns");
        assertThat(parsed.listing()).isEqualTo(new InformationSchemaPushdown.Listing(Optional.of("s"), Optional.of("it's")));
    }

    @Test
    void otherFiltersAndTablesAreLeftAlone() {
        PlanNode noEquality = new Filter(scan("tables"), new Call("not_equal",
                List.of(new InputRef(0, Types.VARCHAR), new Constant("s", Types.VARCHAR)), Types.BOOLEAN));
        assertThat(InformationSchemaPushdown.apply(noEquality)).isSameAs(noEquality);
        PlanNode otherSchema = new Filter(new TableScan("memory", new SchemaTableName("default", "t"), SCANNED), equal(0, "s"));
        assertThat(InformationSchemaPushdown.apply(otherSchema)).isSameAs(otherSchema);
        assertThat(InformationSchemaPushdown.parse("columns").listing()).isEqualTo(InformationSchemaPushdown.Listing.ALL);
        assertThat(InformationSchemaPushdown.parse("columns[nonsense]").table()).isEqualTo("columns[nonsense]");
    }

    @Test
    void aNarrowedListingLooksUpOneTableInsteadOfListingTheCatalog() {
        List<String> listed = new ArrayList<>();
        MemoryMetadata memory = new MemoryMetadata("memory");
        memory.createSchema("s");
        memory.createTable(new TableMetadata(new SchemaTableName("s", "t"), List.of(new ColumnMetadata("a", Types.BIGINT))));
        memory.createTable(new TableMetadata(new SchemaTableName("s", "u"), List.of(new ColumnMetadata("b", Types.BIGINT))));
        memory.createView(new SchemaTableName("s", "v"), new ViewDefinition("SELECT 1 c", Optional.empty(), Optional.empty(),
                List.of(new ColumnMetadata("c", Types.INTEGER))), false);
        ConnectorMetadata counting = new ListingRecorder(memory, listed);

        List<Object[]> columns = InformationSchemaTables.rows("columns", "memory", counting,
                new InformationSchemaPushdown.Listing(Optional.of("s"), Optional.of("t")));
        assertThat(columns).hasSize(1);
        assertThat(columns.get(0)[3]).isEqualTo("a");
        assertThat(listed).isEmpty();

        List<Object[]> tables = InformationSchemaTables.rows("tables", "memory", counting,
                new InformationSchemaPushdown.Listing(Optional.of("s"), Optional.empty()));
        assertThat(tables).extracting(row -> row[2] + " " + row[3]).containsExactly("t BASE TABLE", "u BASE TABLE", "v VIEW");
        assertThat(listed).containsExactly("tables of s", "views of s");

        assertThat(InformationSchemaTables.rows("views", "memory", counting,
                new InformationSchemaPushdown.Listing(Optional.of("nope"), Optional.of("v")))).isEmpty();
    }

    /** Forwards to a catalog's metadata and records which listings were asked for. */
    private record ListingRecorder(ConnectorMetadata delegate, List<String> listed) implements ConnectorMetadata {
        @Override
        public List<String> listSchemas() {
            listed.add("schemas");
            return delegate.listSchemas();
        }

        @Override
        public boolean schemaExists(String schema) {
            return delegate.schemaExists(schema);
        }

        @Override
        public List<String> listTables(String schema) {
            listed.add("tables of " + schema);
            return delegate.listTables(schema);
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return delegate.table(name);
        }

        @Override
        public List<String> listViews(String schema) {
            listed.add("views of " + schema);
            return delegate.listViews(schema);
        }

        @Override
        public Optional<ViewDefinition> view(SchemaTableName name) {
            return delegate.view(name);
        }
    }
}
