package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import org.apache.calcite.sql.type.AbstractSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A sketch type ({@code HyperLogLog}, {@code P4HyperLogLog}), a digest or {@code color} ({@link ColorSql}) in the SQL
 * front end. Calcite has no such types, so each is a type of Calcite's {@code OTHER} kind told apart by its name; {@link CastRules} lets casts between
 * them and varbinary validate and the executor decides which casts exist.
 */
final class SketchSqlType extends AbstractSqlType {
    private final String name;

    SketchSqlType(String name, boolean nullable) {
        super(SqlTypeName.OTHER, nullable, null);
        this.name = requireNonNull(name, "name is null");
        computeDigest();
    }

    /** The type's name as Trino prints it. */
    String name() {
        return name;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        sb.append(name);
    }
}
