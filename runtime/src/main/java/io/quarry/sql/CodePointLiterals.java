package io.quarry.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.NlsString;

/**
 * String literals whose length Trino counts in code points: Calcite counts UTF-16 units, so {@code '😀'} (one
 * character outside the Basic Multilingual Plane) would be varchar(2) and everything computed from it one longer;
 * in Trino it is varchar(1).
 */
final class CodePointLiterals {
    private CodePointLiterals() {}

    /**
     * A literal with the length in code points, or null when the literal's UTF-16 length is already that. A Unicode
     * literal ({@code U&'\00e9'}), which Calcite gives the UTF-16 character set, gets the one of every other literal:
     * in Trino it is a varchar like them, to be concatenated and compared with them.
     */
    static SqlNode replacement(SqlNode node) {
        if (!(node instanceof SqlCharStringLiteral literal) || literal instanceof CodePointLiteral) {
            return null;
        }
        NlsString value = literal.getNlsString();
        boolean unicode = value.getCharsetName() != null && value.getCharsetName().toUpperCase(java.util.Locale.ROOT).startsWith("UTF16");
        if (unicode || hasSupplementary(value.getValue())) {
            return new CodePointLiteral(unicode ? new NlsString(value.getValue(), null, null) : value, literal.getParserPosition());
        }
        return null;
    }

    /** The type of a string literal, its length counted in code points. */
    static RelDataType type(RelDataTypeFactory factory, NlsString value) {
        RelDataType utf16 = SqlUtil.createNlsStringType(factory, value);
        String text = value.getValue();
        if (!hasSupplementary(text)) {
            return utf16;
        }
        RelDataType counted = factory.createSqlType(SqlTypeName.CHAR, text.codePointCount(0, text.length()));
        return factory.createTypeWithNullability(
            factory.createTypeWithCharsetAndCollation(counted, utf16.getCharset(), utf16.getCollation()), utf16.isNullable());
    }

    private static boolean hasSupplementary(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isHighSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A string literal typed by its code points. */
    private static final class CodePointLiteral extends SqlCharStringLiteral {
        CodePointLiteral(NlsString value, SqlParserPos pos) {
            super(value, pos);
        }

        @Override
        public RelDataType createSqlType(RelDataTypeFactory typeFactory) {
            return type(typeFactory, getNlsString());
        }

        @Override
        public SqlCharStringLiteral clone(SqlParserPos pos) {
            return new CodePointLiteral(getNlsString(), pos);
        }
    }
}
