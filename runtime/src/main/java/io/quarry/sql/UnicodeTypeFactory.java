package io.quarry.sql;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;

/**
 * Calcite's type factory with UTF-8 as the character set of strings: Calcite's default, ISO-8859-1, cannot
 * hold literals such as {@code '日本語'}, which Trino's varchar takes as any other.
 */
final class UnicodeTypeFactory extends JavaTypeFactoryImpl {
    UnicodeTypeFactory() {
        super(QuarryTypeSystem.INSTANCE);
    }

    @Override
    public Charset getDefaultCharset() {
        return StandardCharsets.UTF_8;
    }
}
