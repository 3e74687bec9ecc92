package io.quarry.sql;

import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Arrays, maps and rows between Quarry's types and Calcite's. */
final class StructuralTypeMapping {
    /** The names Calcite gives the fields of {@code ROW(1, 2)}: Trino's fields have no names there. */
    private static final Pattern GENERATED_FIELD = Pattern.compile("EXPR\\$\\d+");

    private StructuralTypeMapping() {}

    static boolean isStructural(Type type) {
        return type instanceof ArrayType || type instanceof MapType || type instanceof RowType;
    }

    static RelDataType toCalcite(RelDataTypeFactory factory, Type type) {
        if (type instanceof ArrayType array) {
            return factory.createArrayType(TypeMapping.toCalcite(factory, array.elementType()), -1);
        }
        if (type instanceof MapType map) {
            return factory.createMapType(
                    factory.createTypeWithNullability(TypeMapping.toCalcite(factory, map.keyType()), false),
                    TypeMapping.toCalcite(factory, map.valueType()));
        }
        RowType row = (RowType) type;
        List<RelDataType> types = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < row.fields().size(); i++) {
            RowType.Field field = row.fields().get(i);
            types.add(TypeMapping.toCalcite(factory, field.type()));
            names.add(field.name().orElse("EXPR$" + i));
        }
        return factory.createStructType(types, names);
    }

    /** The Quarry type of a Calcite ARRAY, MAP or ROW type, or null for other types. */
    static Type toQuarry(RelDataType type) {
        return toQuarry(type, false);
    }

    /** As {@link #toQuarry(RelDataType)}; with {@code keepChars} Calcite's CHAR inside is char(n), not varchar(n). */
    static Type toQuarry(RelDataType type, boolean keepChars) {
        java.util.function.Function<RelDataType, Type> inner = keepChars ? TypeMapping::toQuarryKeepingChars : TypeMapping::toQuarry;
        switch (type.getSqlTypeName()) {
            case ARRAY:
                return new ArrayType(inner.apply(type.getComponentType()));
            case MAP:
                return new MapType(inner.apply(type.getKeyType()), inner.apply(type.getValueType()));
            case ROW:
                List<RowType.Field> fields = new ArrayList<>();
                for (RelDataTypeField field : type.getFieldList()) {
                    Optional<String> name = GENERATED_FIELD.matcher(field.getName()).matches()
                            ? Optional.empty()
                            : Optional.of(field.getName());
                    fields.add(new RowType.Field(name, inner.apply(field.getType())));
                }
                return new RowType(fields);
            default:
                return null;
        }
    }
}
