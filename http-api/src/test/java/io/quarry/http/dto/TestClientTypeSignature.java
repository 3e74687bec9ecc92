package io.quarry.http.dto;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.client.ResultColumn;
import io.quarry.type.CharType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TestClientTypeSignature {
    private static String json(Type type) {
        return new String(WireJson.toBytes(Column.of(new ResultColumn("c", type))), StandardCharsets.UTF_8);
    }

    @Test
    void varcharCarriesItsLength() {
        assertThat(json(Types.varchar(25))).isEqualTo("{\"name\":\"c\",\"type\":\"varchar(25)\",\"typeSignature\":"
                + "{\"rawType\":\"varchar\",\"arguments\":[{\"kind\":\"LONG\",\"value\":25}]}}");
    }

    @Test
    void unboundedVarcharCarriesIntegerMax() {
        assertThat(json(Types.VARCHAR)).isEqualTo("{\"name\":\"c\",\"type\":\"varchar\",\"typeSignature\":"
                + "{\"rawType\":\"varchar\",\"arguments\":[{\"kind\":\"LONG\",\"value\":2147483647}]}}");
    }

    @Test
    void decimalCarriesPrecisionAndScale() {
        assertThat(json(Types.decimal(12, 2))).isEqualTo("{\"name\":\"c\",\"type\":\"decimal(12,2)\",\"typeSignature\":"
                + "{\"rawType\":\"decimal\",\"arguments\":[{\"kind\":\"LONG\",\"value\":12},{\"kind\":\"LONG\",\"value\":2}]}}");
    }

    @Test
    void charCarriesItsLength() {
        assertThat(json(new CharType(3))).isEqualTo("{\"name\":\"c\",\"type\":\"char(3)\",\"typeSignature\":"
                + "{\"rawType\":\"char\",\"arguments\":[{\"kind\":\"LONG\",\"value\":3}]}}");
    }

    @Test
    void parameterlessTypesHaveAnEmptyArgumentArray() {
        assertThat(json(Types.DOUBLE)).isEqualTo("{\"name\":\"c\",\"type\":\"double\",\"typeSignature\":"
                + "{\"rawType\":\"double\",\"arguments\":[]}}");
    }
}
