package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.client.ResultColumn;
import io.quarry.type.TemporalTypes;

/** A result column on the wire: {@code name}, display {@code type} and {@code typeSignature}. */
@JsonPropertyOrder({"name", "type", "typeSignature"})
public record Column(
        @JsonProperty("name") String name,
        @JsonProperty("type") String type,
        @JsonProperty("typeSignature") ClientTypeSignature typeSignature) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(typeSignature, "typeSignature is null");
    }

    public static Column of(ResultColumn column) {
        return of(column, false);
    }

    /**
     * The column as a client sees it: with the {@code PARAMETRIC_DATETIME} capability date-time types keep their
     * precision ({@code timestamp(6)}), without it they are shown as Trino shows them to older clients.
     */
    public static Column of(ResultColumn column, boolean parametricDatetime) {
        String type = parametricDatetime ? column.type().displayName() : TemporalTypes.protocolName(column.type());
        return new Column(column.name(), type, ClientTypeSignature.of(column.type(), parametricDatetime));
    }
}
