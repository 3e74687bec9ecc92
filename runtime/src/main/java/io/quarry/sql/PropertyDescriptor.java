package io.quarry.sql;

import static java.util.Objects.requireNonNull;

/** A session property as {@code SHOW SESSION} lists it: name, SQL type, default value and description. */
public record PropertyDescriptor(String name, String type, String defaultValue, String description, boolean hidden) {
    public PropertyDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(description, "description is null");
    }
}
