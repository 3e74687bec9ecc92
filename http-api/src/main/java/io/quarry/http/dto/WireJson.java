package io.quarry.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The one Jackson configuration of the wire protocol: null and empty-optional fields are omitted
 * ({@code NON_ABSENT}, as openLooKeng and Trino do), unknown fields are ignored when reading.
 */
public final class WireJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireJson() {}

    /** The shared mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The UTF-8 JSON of a wire document. */
    public static byte[] toBytes(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
