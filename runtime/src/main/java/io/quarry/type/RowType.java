package io.quarry.type;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** {@code row(name T, …)}: a fixed list of fields, each with an optional name and its own type. */
public record RowType(List<Field> fields) implements Type {
    public RowType {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a row type needs at least one field");
        }
    }

    /** One field; anonymous fields (those of {@code ROW(1, 2)}) have no name. */
    public record Field(Optional<String> name, Type type) {
        public Field {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }

    public static RowType anonymous(List<Type> types) {
        return new RowType(types.stream().map(type -> new Field(Optional.empty(), type)).toList());
    }

    public List<Type> fieldTypes() {
        return fields.stream().map(Field::type).toList();
    }

    @Override
    public String rawType() {
        return "row";
    }

    /** As Trino prints it: {@code row(id integer, label varchar)} or {@code row(integer, varchar)}. */
    @Override
    public String displayName() {
        StringBuilder name = new StringBuilder("row(");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                name.append(", ");
            }
            Field field = fields.get(i);
            field.name().ifPresent(fieldName -> name.append(fieldName).append(' '));
            name.append(field.type().displayName());
        }
        return name.append(')').toString();
    }

    @Override
    public Storage storage() {
        return Storage.ROW;
    }

    @Override
    public boolean isOrderable() {
        return fields.stream().allMatch(field -> field.type().isOrderable());
    }

    @Override
    public String toString() {
        return displayName();
    }
}
