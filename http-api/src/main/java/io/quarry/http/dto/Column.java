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

    /** Date-times without their precision at any depth, as Trino names them to older clients: {@code array(timestamp)}. */
    private static String legacyName(io.quarry.type.Type type) {
        String name = TemporalTypes.protocolName(type);
        return TemporalTypes.isTemporal(type) ? name : LEGACY_DATETIME.matcher(name).replaceAll("$1");
    }

    private static final java.util.regex.Pattern LEGACY_DATETIME = java.util.regex.Pattern.compile("\\b(timestamp|time)\\(\\d+\\)");
    private static final java.util.regex.Pattern INTERVAL = java.util.regex.Pattern.compile("\\binterval (day to second|year to month)\\b");

    /**
     * The display name with the interval types in capitals, at any depth ({@code array(INTERVAL DAY TO SECOND)}): Trino
     * shows them so in a column's {@code type}, while their {@code rawType} and every other name stay lower case.
     */
    private static String withIntervalsInCapitals(String name) {
        return name.contains("interval ") ? INTERVAL.matcher(name).replaceAll(match -> match.group().toUpperCase(java.util.Locale.ROOT)) : name;
    }

    public static Column of(ResultColumn column) {
        return of(column, false);
    }

    /**
     * The column as a client sees it: with the {@code PARAMETRIC_DATETIME} capability date-time types keep their
     * precision ({@code timestamp(6)}), without it they are shown as Trino shows them to older clients.
     */
    public static Column of(ResultColumn column, boolean parametricDatetime) {
        String type = parametricDatetime ? column.type().displayName() : legacyName(column.type());
        return new Column(column.name(), withIntervalsInCapitals(type), ClientTypeSignature.of(column.type(), parametricDatetime));
    }
}
