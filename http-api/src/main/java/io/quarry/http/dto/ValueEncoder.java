package io.quarry.http.dto;

import com.fasterxml.jackson.core.JsonGenerator;
import io.quarry.block.Block;
import java.io.IOException;

/** Writes the non-null value at one position of a block as the JSON the protocol expects for its type. */
@FunctionalInterface
public interface ValueEncoder {
    void write(JsonGenerator generator, Block block, int position) throws IOException;
}
