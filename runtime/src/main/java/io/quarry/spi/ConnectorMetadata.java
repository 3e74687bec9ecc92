package io.quarry.spi;

import java.util.List;
import java.util.Optional;

/** The schemas, tables, columns and statistics of one catalog. Names are lower case. */
public interface ConnectorMetadata {
    List<String> listSchemas();

    boolean schemaExists(String schema);

    /** The tables of a schema; empty when the schema does not exist. */
    List<String> listTables(String schema);

    Optional<TableMetadata> table(SchemaTableName name);

    /** Row count and per-column distinct counts, as well as the connector knows them. */
    default TableStatistics statistics(SchemaTableName name) {
        return TableStatistics.UNKNOWN;
    }
}
