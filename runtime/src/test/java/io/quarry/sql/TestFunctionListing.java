package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarry.sql.FunctionListing.FunctionRow;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestFunctionListing {
    @Test
    void rowsComeFromTheOperatorTableOnePerSignature() {
        List<FunctionRow> rows = FunctionListing.list(Optional.empty(), Optional.empty());
        assertThat(rows).contains(
                new FunctionRow("approx_percentile", "double", "double, double", "aggregate", true, ""),
                new FunctionRow("approx_percentile", "array(double)", "double, array(T)", "aggregate", true, ""),
                new FunctionRow("lpad", "varchar", "varchar, bigint, varchar", "scalar", true, ""),
                new FunctionRow("rank", "bigint", "", "window", true, ""),
                new FunctionRow("rand", "double", "", "scalar", false, ""),
                new FunctionRow("map_agg", "map(T, T)", "T, T", "aggregate", true, ""));
        // every name the validator resolves is listed, none twice with the same signature
        assertThat(rows.stream().map(FunctionRow::function).distinct().count())
                .isEqualTo(PrestoOperatorTable.INSTANCE.functionsByName().keySet().stream()
                        .filter(name -> !name.equals(PrestoOperatorTable.PARSER_TRANSLATE) && !name.equals("CAST")
                                && !name.equals("TRY_CAST") && !name.equals("EXTRACT"))
                        .count());
        assertThat(rows).doesNotHaveDuplicates();
        assertThat(rows).extracting(FunctionRow::function).doesNotContain("translate3", "cast", "extract");
    }

    @Test
    void likeMatchesNamesWithUnderscoresPercentsAndEscapes() {
        assertThat(FunctionListing.list(Optional.of("approx\\_%"), Optional.of("\\")))
                .extracting(FunctionRow::function)
                .containsOnly("approx_distinct", "approx_percentile");
        assertThat(FunctionListing.list(Optional.of("l_g"), Optional.empty()))
                .extracting(FunctionRow::function)
                .containsOnly("lag", "log");
        assertThat(FunctionListing.likeToRegex("a_b%", Optional.of("a")).matcher("_bxyz").matches()).isTrue();
        assertThat(FunctionListing.likeToRegex("a_b%", Optional.of("a")).matcher("xbxyz").matches()).isFalse();
        assertThat(FunctionListing.likeToRegex("x!%", Optional.of("!")).matcher("x%").matches()).isTrue();
        assertThat(FunctionListing.likeToRegex("x!%", Optional.of("!")).matcher("xy").matches()).isFalse();
    }

    @Test
    void parsesShowFunctions() {
        assertThat(WriteStatementParser.parse("SHOW FUNCTIONS")).contains(new WriteStatement.ShowFunctions(Optional.empty(), Optional.empty()));
        assertThat(WriteStatementParser.parse("show functions like 'a%' escape '!'"))
                .contains(new WriteStatement.ShowFunctions(Optional.of("a%"), Optional.of("!")));
    }
}
