package io.quarry.sql;

import io.quarry.connector.tpch.TpchColumnNaming;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.spi.ColumnMetadata;
import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.SchemaTableName;
import io.quarry.spi.TableMetadata;
import io.quarry.spi.TableStatistics;
import io.quarry.type.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Metadata for planner tests: catalog {@code tpch} (the real connector's metadata, simplified column
 * names), and a hand-written catalog {@code memory} with schema
 * {@code default} holding table {@code t(id bigint, name varchar, price decimal(12,2), flag boolean)}.
 */
final class TestingMetadata implements MetadataProvider {
    static final TestingMetadata INSTANCE = new TestingMetadata();

    private final Map<String, ConnectorMetadata> catalogs = Map.of(
            "tpch", new TpchConnector(TpchColumnNaming.SIMPLIFIED).metadata(),
            "memory", new FixedCatalog(Map.of("default", List.of(new TableMetadata(
                    new SchemaTableName("default", "t"),
                    List.of(new ColumnMetadata("id", Types.BIGINT),
                            new ColumnMetadata("name", Types.VARCHAR),
                            new ColumnMetadata("price", Types.decimal(12, 2)),
                            new ColumnMetadata("flag", Types.BOOLEAN)))))));

    @Override
    public Set<String> catalogNames() {
        return catalogs.keySet();
    }

    @Override
    public Optional<ConnectorMetadata> catalog(String name) {
        return Optional.ofNullable(catalogs.get(name));
    }

    private record FixedCatalog(Map<String, List<TableMetadata>> schemas) implements ConnectorMetadata {
        @Override
        public List<String> listSchemas() {
            return List.copyOf(schemas.keySet());
        }

        @Override
        public boolean schemaExists(String schema) {
            return schemas.containsKey(schema);
        }

        @Override
        public List<String> listTables(String schema) {
            return schemas.getOrDefault(schema, List.of()).stream().map(t -> t.name().table()).toList();
        }

        @Override
        public Optional<TableMetadata> table(SchemaTableName name) {
            return schemas.getOrDefault(name.schema(), List.of()).stream()
                    .filter(t -> t.name().equals(name))
                    .findFirst();
        }

        @Override
        public TableStatistics statistics(SchemaTableName name) {
            return new TableStatistics(name.table().equals("lineitem") ? 60_175 : 1_000, Map.of());
        }
    }
}
