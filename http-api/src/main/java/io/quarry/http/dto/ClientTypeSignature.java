package io.quarry.http.dto;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarry.type.TemporalTypes;
import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import java.util.List;

/**
 * A column's {@code typeSignature}: {@code rawType} and an {@code arguments} array that is always present (the
 * JDBC drivers read {@code arguments[0]} of varchar and char and {@code arguments[0..1]} of decimal
 * unconditionally; an unbounded varchar carries {@code 2147483647}).
 */
@JsonPropertyOrder({"rawType", "arguments"})
public record ClientTypeSignature(
        @JsonProperty("rawType") String rawType,
        @JsonProperty("arguments") List<ClientTypeSignatureParameter> arguments) {
    public ClientTypeSignature {
        requireNonNull(rawType, "rawType is null");
        arguments = List.copyOf(arguments);
    }

    public static ClientTypeSignature of(Type type) {
        return of(type, false);
    }

    /** The signature; date-time types show their precision only to clients with parametric date-times. */
    public static ClientTypeSignature of(Type type, boolean parametricDatetime) {
        if (type instanceof ArrayType array) {
            return new ClientTypeSignature("array", List.of(ClientTypeSignatureParameter.ofType(of(array.elementType(), parametricDatetime))));
        }
        if (type instanceof MapType map) {
            return new ClientTypeSignature("map", List.of(
                    ClientTypeSignatureParameter.ofType(of(map.keyType(), parametricDatetime)),
                    ClientTypeSignatureParameter.ofType(of(map.valueType(), parametricDatetime))));
        }
        if (type instanceof io.quarry.type.QuantileDigestType qdigest) {
            return new ClientTypeSignature("qdigest", List.of(ClientTypeSignatureParameter.ofType(of(qdigest.valueType(), parametricDatetime))));
        }
        if (type instanceof RowType row) {
            return new ClientTypeSignature("row", row.fields().stream()
                    .map(field -> ClientTypeSignatureParameter.ofNamedType(new NamedClientTypeSignature(
                            field.name().map(NamedClientTypeSignature.RowFieldName::new).orElse(null), of(field.type(), parametricDatetime))))
                    .toList());
        }
        List<ClientTypeSignatureParameter> arguments = (TemporalTypes.hidesArguments(type) && !parametricDatetime ? List.<Long>of() : type.arguments()).stream()
                .map(ClientTypeSignatureParameter::ofLong)
                .toList();
        return new ClientTypeSignature(type.rawType(), arguments);
    }
}
