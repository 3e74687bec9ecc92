package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The columns and rows a server returned for one statement, values exactly as the statement protocol sent them. */
record LiveResult(List<Column> columns, List<JsonNode> rows) {
    LiveResult {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
    }

    /** A result column: its name and its type as the protocol names it. */
    record Column(String name, String type) {
        Column {
            requireNonNull(name, "name is null");
            requireNonNull(type, "type is null");
        }
    }
}
