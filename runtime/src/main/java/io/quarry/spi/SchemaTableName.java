package io.quarry.spi;

import static java.util.Objects.requireNonNull;

/** A table inside one catalog: schema and table name, both lower case unless quoted otherwise. */
public record SchemaTableName(String schema, String table) {
    public SchemaTableName {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
