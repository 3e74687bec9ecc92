package io.quarry.http.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.quarry.block.Block;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code data} of a QueryResults: rows written straight from the pages' blocks, a row per position, no
 * intermediate row objects. Exists only when there is at least one row ({@code "data": []} is never sent).
 */
public final class ResultData implements JsonSerializable {
    private final List<Page> pages;
    private final ValueEncoder[] encoders;

    private ResultData(List<Type> types, List<Page> pages, boolean parametricDatetime) {
        this.pages = List.copyOf(pages);
        this.encoders = types.stream().map(type -> ValueEncoders.forType(type, parametricDatetime)).toArray(ValueEncoder[]::new);
        for (Page page : pages) {
            if (page.channelCount() != encoders.length) {
                throw new IllegalArgumentException("page has " + page.channelCount() + " columns, result has " + encoders.length);
            }
        }
    }

    /** The rows of {@code pages} typed by {@code types}, or empty when the pages hold no row. */
    public static Optional<ResultData> of(List<Type> types, List<Page> pages) {
        return of(types, pages, false);
    }

    /** As {@link #of(List, List)}; date-times at their precision for clients with parametric date-times. */
    public static Optional<ResultData> of(List<Type> types, List<Page> pages, boolean parametricDatetime) {
        long rows = 0;
        for (Page page : pages) {
            rows += page.positionCount();
        }
        return rows == 0 ? Optional.empty() : Optional.of(new ResultData(types, pages, parametricDatetime));
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        // the shortest digits that read back as the value, as Trino prints them (Java 17's toString is not always)
        generator.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        generator.writeStartArray();
        for (Page page : pages) {
            Block[] blocks = page.blocks();
            int positions = page.positionCount();
            for (int position = 0; position < positions; position++) {
                generator.writeStartArray();
                for (int channel = 0; channel < blocks.length; channel++) {
                    Block block = blocks[channel];
                    if (block.isNull(position)) {
                        generator.writeNull();
                    } else {
                        encoders[channel].write(generator, block, position);
                    }
                }
                generator.writeEndArray();
            }
        }
        generator.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
            throws IOException {
        serialize(generator, provider);
    }
}
