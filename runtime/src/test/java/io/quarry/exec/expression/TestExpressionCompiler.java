package io.quarry.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestExpressionCompiler {
    private static Constant constant(Object value, Type type) {
        return new Constant(value, type);
    }

    private static Constant integer(long value) {
        return constant(value, Types.INTEGER);
    }

    private static Constant bigint(long value) {
        return constant(value, Types.BIGINT);
    }

    private static Constant decimal(String value) {
        BigDecimal decimal = new BigDecimal(value);
        return constant(decimal, Types.decimal(Math.max(decimal.precision(), decimal.scale()), decimal.scale()));
    }

    private static Constant varchar(String value) {
        return constant(value, Types.VARCHAR);
    }

    private static Constant dbl(double value) {
        return constant(value, Types.DOUBLE);
    }

    private static Call call(String name, Type type, Expression... arguments) {
        return new Call(name, List.of(arguments), type);
    }

    private static SpecialForm form(Form form, Type type, Expression... arguments) {
        return new SpecialForm(form, List.of(arguments), type);
    }

    /** Evaluates an expression of constants on a one-row page. */
    private static Object eval(Expression expression) {
        Block block = ExpressionCompiler.compile(expression).evaluate(new Page(1), null, 1);
        return Values.toObject(expression.type(), block, 0);
    }

    private static Page column(Type type, Object... values) {
        BlockBuilder builder = BlockBuilder.create(type, values.length);
        for (Object value : values) {
            builder.appendObject(value);
        }
        return new Page(values.length, builder.build());
    }

    private static List<Object> evalColumn(Expression expression, Page page) {
        Block block = ExpressionCompiler.compile(expression).evaluate(page);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < block.positionCount(); i++) {
            result.add(Values.toObject(expression.type(), block, i));
        }
        return result;
    }

    private static void assertError(Expression expression, ErrorCode code, String message) {
        assertThatThrownBy(() -> eval(expression))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(code))
                .hasMessage(message);
    }

    @Test
    void integerArithmetic() {
        assertThat(eval(call("add", Types.INTEGER, integer(2), integer(3)))).isEqualTo(5L);
        assertThat(eval(call("divide", Types.INTEGER, integer(-7), integer(2)))).isEqualTo(-3L);
        assertThat(eval(call("modulus", Types.INTEGER, integer(-7), integer(3)))).isEqualTo(-1L);
        assertThat(eval(call("negate", Types.BIGINT, bigint(5)))).isEqualTo(-5L);
        assertError(call("add", Types.INTEGER, integer(Integer.MAX_VALUE), integer(1)),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "integer addition overflow: 2147483647 + 1");
        assertError(call("add", Types.BIGINT, bigint(1), bigint(Long.MAX_VALUE)),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint addition overflow: 1 + 9223372036854775807");
        assertError(call("multiply", Types.SMALLINT, constant(300L, Types.SMALLINT), constant(300L, Types.SMALLINT)),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "smallint multiplication overflow: 300 * 300");
        assertError(call("subtract", Types.TINYINT, constant(-100L, Types.TINYINT), constant(100L, Types.TINYINT)),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "tinyint subtraction overflow: -100 - 100");
        assertError(call("negate", Types.BIGINT, bigint(Long.MIN_VALUE)),
                ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "bigint negation overflow: -9223372036854775808");
        assertError(call("divide", Types.INTEGER, integer(1), integer(0)), ErrorCode.DIVISION_BY_ZERO, "Division by zero");
        assertError(call("modulus", Types.BIGINT, bigint(1), bigint(0)), ErrorCode.DIVISION_BY_ZERO, "Division by zero");
    }

    @Test
    void nullsPropagateWithoutErrors() {
        Page page = new Page(3, column(Types.INTEGER, 1L, null, 4L).block(0), column(Types.INTEGER, 0L, 0L, 2L).block(0));
        // row 0 divides by zero only under a CASE guard; row 1 is NULL / 0 = NULL
        Expression x = new InputRef(0, Types.INTEGER);
        Expression y = new InputRef(1, Types.INTEGER);
        assertThatThrownBy(() -> evalColumn(call("divide", Types.INTEGER, x, y), page))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DIVISION_BY_ZERO));
        Expression guarded = form(Form.CASE, Types.INTEGER,
                call("equal", Types.BOOLEAN, y, integer(0)), integer(0),
                call("divide", Types.INTEGER, x, y));
        assertThat(evalColumn(guarded, page)).containsExactly(0L, 0L, 2L);
        Page nullDivisor = new Page(2, column(Types.INTEGER, null, 5L).block(0), column(Types.INTEGER, 0L, null).block(0));
        assertThat(evalColumn(call("divide", Types.INTEGER, x, y), nullDivisor)).containsExactly(null, null);
    }

    @Test
    void doubleArithmetic() {
        assertThat(eval(call("divide", Types.DOUBLE, dbl(1), dbl(0)))).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat((Double) eval(call("divide", Types.DOUBLE, dbl(0), dbl(0)))).isNaN();
        assertThat(eval(call("multiply", Types.DOUBLE, dbl(1.5), dbl(2)))).isEqualTo(3.0);
    }

    @Test
    void decimalArithmetic() {
        assertThat(eval(call("add", Types.decimal(5, 3), decimal("1.10"), decimal("2.205")))).isEqualTo(new BigDecimal("3.305"));
        assertThat(eval(call("multiply", Types.decimal(5, 3), decimal("1.5"), decimal("2.25")))).isEqualTo(new BigDecimal("3.375"));
        assertThat(eval(call("divide", Types.decimal(4, 2), decimal("10.00"), integer(3)))).isEqualTo(new BigDecimal("3.33"));
        assertThat(eval(call("divide", Types.decimal(4, 2), decimal("20.00"), integer(3)))).isEqualTo(new BigDecimal("6.67"));
        assertThat(eval(call("add", Types.decimal(2, 1), decimal("0.1"), decimal("0.2")))).isEqualTo(new BigDecimal("0.3"));
        assertThat(eval(call("modulus", Types.decimal(2, 1), decimal("7.5"), integer(2)))).isEqualTo(new BigDecimal("1.5"));
        assertThat(eval(call("add", Types.decimal(38, 2), constant(new BigDecimal("99999999999999999999.99"), Types.decimal(22, 2)),
                decimal("0.01")))).isEqualTo(new BigDecimal("100000000000000000000.00"));
        assertError(call("divide", Types.decimal(3, 1), decimal("1.5"), integer(0)), ErrorCode.DIVISION_BY_ZERO, "Division by zero");
        assertError(call("add", Types.decimal(2, 1), decimal("9.9"), decimal("0.1")), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "Decimal overflow");
    }

    @Test
    void comparisons() {
        assertThat(eval(call("less_than", Types.BOOLEAN, varchar("z"), varchar("é")))).isEqualTo(true);
        assertThat(eval(call("equal", Types.BOOLEAN, decimal("1.50"), decimal("1.5")))).isEqualTo(true);
        assertThat(eval(call("greater_than", Types.BOOLEAN, decimal("1.51"), integer(1)))).isEqualTo(true);
        assertThat(eval(call("equal", Types.BOOLEAN, dbl(Double.NaN), dbl(Double.NaN)))).isEqualTo(false);
        assertThat(eval(call("equal", Types.BOOLEAN, integer(1), Constant.nullOf(Types.INTEGER)))).isNull();
        assertThat(eval(call("is_distinct_from", Types.BOOLEAN, integer(1), Constant.nullOf(Types.INTEGER)))).isEqualTo(true);
        assertThat(eval(call("is_distinct_from", Types.BOOLEAN, Constant.nullOf(Types.INTEGER), Constant.nullOf(Types.INTEGER))))
                .isEqualTo(false);
        long day = LocalDate.parse("2024-02-29").toEpochDay();
        assertThat(eval(call("less_than_or_equal", Types.BOOLEAN, constant(day, Types.DATE), constant(day + 1, Types.DATE)))).isEqualTo(true);
        assertThat(eval(call("not_equal", Types.BOOLEAN, constant(true, Types.BOOLEAN), constant(false, Types.BOOLEAN)))).isEqualTo(true);
    }

    @Test
    void threeValuedLogic() {
        Expression unknown = Constant.nullOf(Types.BOOLEAN);
        Expression yes = constant(true, Types.BOOLEAN);
        Expression no = constant(false, Types.BOOLEAN);
        assertThat(eval(form(Form.AND, Types.BOOLEAN, unknown, no))).isEqualTo(false);
        assertThat(eval(form(Form.AND, Types.BOOLEAN, unknown, yes))).isNull();
        assertThat(eval(form(Form.OR, Types.BOOLEAN, unknown, yes))).isEqualTo(true);
        assertThat(eval(form(Form.OR, Types.BOOLEAN, unknown, no))).isNull();
        assertThat(eval(form(Form.NOT, Types.BOOLEAN, unknown))).isNull();
        assertThat(eval(form(Form.IS_NULL, Types.BOOLEAN, unknown))).isEqualTo(true);
        // AND only evaluates its second argument where the first is not FALSE
        Page page = column(Types.INTEGER, 0L, 2L, null);
        Expression x = new InputRef(0, Types.INTEGER);
        Expression guarded = form(Form.AND, Types.BOOLEAN,
                call("not_equal", Types.BOOLEAN, x, integer(0)),
                call("greater_than", Types.BOOLEAN, call("divide", Types.INTEGER, integer(10), x), integer(1)));
        assertThat(evalColumn(guarded, page)).containsExactly(false, true, null);
    }

    @Test
    void inList() {
        Expression nullInteger = Constant.nullOf(Types.INTEGER);
        assertThat(eval(form(Form.IN, Types.BOOLEAN, integer(1), integer(1), integer(2)))).isEqualTo(true);
        assertThat(eval(form(Form.IN, Types.BOOLEAN, integer(3), integer(1), integer(2)))).isEqualTo(false);
        assertThat(eval(form(Form.IN, Types.BOOLEAN, integer(3), integer(1), nullInteger))).isNull();
        assertThat(eval(form(Form.IN, Types.BOOLEAN, integer(1), integer(1), nullInteger))).isEqualTo(true);
        assertThat(eval(form(Form.IN, Types.BOOLEAN, nullInteger, integer(1)))).isNull();
        Page page = column(Types.varchar(5), "a", "b", null, "zz");
        Expression in = form(Form.IN, Types.BOOLEAN, new InputRef(0, Types.varchar(5)),
                constant("zz", Types.varchar(5)), constant("a", Types.varchar(5)));
        assertThat(evalColumn(in, page)).containsExactly(true, false, null, true);
        Page doubles = column(Types.DOUBLE, 1.0, 2.5);
        assertThat(evalColumn(form(Form.IN, Types.BOOLEAN, new InputRef(0, Types.DOUBLE), dbl(2.5)), doubles))
                .containsExactly(false, true);
    }

    @Test
    void conditionalForms() {
        assertThat(eval(form(Form.COALESCE, Types.INTEGER, Constant.nullOf(Types.INTEGER), integer(2), integer(3)))).isEqualTo(2L);
        assertThat(eval(form(Form.NULLIF, Types.INTEGER, integer(2), integer(2)))).isNull();
        assertThat(eval(form(Form.NULLIF, Types.INTEGER, integer(2), integer(3)))).isEqualTo(2L);
        assertThat(eval(form(Form.IF, Types.VARCHAR, constant(false, Types.BOOLEAN), varchar("a"), varchar("b")))).isEqualTo("b");
        assertThat(eval(form(Form.CASE, Types.VARCHAR, Constant.nullOf(Types.BOOLEAN), varchar("a"), Constant.nullOf(Types.VARCHAR))))
                .isNull();
        // the untaken branch's constant error is not raised
        assertThat(eval(form(Form.IF, Types.INTEGER, constant(true, Types.BOOLEAN), integer(1),
                call("divide", Types.INTEGER, integer(1), integer(0))))).isEqualTo(1L);
        Page page = column(Types.VARCHAR, null, "x", null);
        assertThat(evalColumn(form(Form.COALESCE, Types.VARCHAR, new InputRef(0, Types.VARCHAR), varchar("d")), page))
                .containsExactly("d", "x", "d");
    }

    @Test
    void casts() {
        assertThat(eval(call("cast", Types.INTEGER, varchar("42")))).isEqualTo(42L);
        assertThat(eval(call("cast", Types.INTEGER, decimal("3.7")))).isEqualTo(4L);
        assertThat(eval(call("cast", Types.BIGINT, decimal("-3.5")))).isEqualTo(-4L);
        assertThat(eval(call("cast", Types.INTEGER, dbl(2.5)))).isEqualTo(3L);
        assertThat(eval(call("cast", Types.INTEGER, dbl(-2.5)))).isEqualTo(-3L);
        assertThat(eval(call("cast", Types.decimal(5, 2), decimal("12.345")))).isEqualTo(new BigDecimal("12.35"));
        assertThat(eval(call("cast", Types.decimal(10, 3), integer(7)))).isEqualTo(new BigDecimal("7.000"));
        assertThat(eval(call("cast", Types.DOUBLE, varchar("1.5")))).isEqualTo(1.5);
        assertThat(eval(call("cast", Types.INTEGER, constant(true, Types.BOOLEAN)))).isEqualTo(1L);
        assertThat(eval(call("cast", Types.VARCHAR, dbl(2.5)))).isEqualTo("2.5E0");
        assertThat(eval(call("cast", Types.VARCHAR, dbl(1e10)))).isEqualTo("1.0E10");
        assertThat(eval(call("cast", Types.VARCHAR, dbl(12.0)))).isEqualTo("1.2E1");
        assertThat(eval(call("cast", Types.VARCHAR, dbl(0.5)))).isEqualTo("5.0E-1");
        assertThat(eval(call("cast", Types.VARCHAR, decimal("1.50")))).isEqualTo("1.50");
        assertThat(eval(call("cast", Types.VARCHAR, integer(-7)))).isEqualTo("-7");
        assertThat(eval(call("cast", Types.varchar(3), varchar("abcdef")))).isEqualTo("abc");
        long day = LocalDate.parse("2024-02-29").toEpochDay();
        assertThat(eval(call("cast", Types.DATE, varchar("2024-02-29")))).isEqualTo(day);
        assertThat(eval(call("cast", Types.VARCHAR, constant(day, Types.DATE)))).isEqualTo("2024-02-29");
        assertThat(eval(call("cast", Types.BOOLEAN, varchar("TRUE")))).isEqualTo(true);
        assertError(call("cast", Types.INTEGER, varchar("abc")), ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast 'abc' to INT");
        assertError(call("cast", Types.BIGINT, varchar("x1")), ErrorCode.INVALID_CAST_ARGUMENT, "Cannot cast 'x1' to BIGINT");
        assertError(call("cast", Types.DATE, varchar("2024-13-01")), ErrorCode.INVALID_CAST_ARGUMENT,
                "Value cannot be cast to date: 2024-13-01");
        assertError(call("cast", Types.INTEGER, bigint(3_000_000_000L)), ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE,
                "Out of range for integer: 3000000000");
        // as in Trino: a double beyond bigint and a decimal beyond the target are invalid cast arguments
        assertError(call("cast", Types.BIGINT, dbl(1e20)), ErrorCode.INVALID_CAST_ARGUMENT, "Unable to cast 1.0E20 to bigint");
        assertThatThrownBy(() -> eval(call("cast", Types.decimal(2, 0), decimal("123"))))
                .isInstanceOfSatisfying(QuarryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CAST_ARGUMENT));
        assertThat(eval(call("try_cast", Types.INTEGER, varchar("abc")))).isNull();
        assertThat(eval(call("try_cast", Types.INTEGER, varchar("12")))).isEqualTo(12L);
        assertThat(eval(call("try_cast", Types.DATE, varchar("2024-13-01")))).isNull();
        Page page = column(Types.VARCHAR, "1", "x", null, "3");
        assertThat(evalColumn(call("try_cast", Types.BIGINT, new InputRef(0, Types.VARCHAR)), page)).containsExactly(1L, null, null, 3L);
    }

    @Test
    void stringFunctions() {
        assertThat(eval(call("like", Types.BOOLEAN, varchar("a_b"), varchar("a\\_b"), varchar("\\")))).isEqualTo(true);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("axb"), varchar("a\\_b"), varchar("\\")))).isEqualTo(false);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("50%"), varchar("50!%"), varchar("!")))).isEqualTo(true);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("abc"), varchar("_b_")))).isEqualTo(true);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("ABC"), varchar("a%")))).isEqualTo(false);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("special packages requests"), varchar("%special%requests%")))).isEqualTo(true);
        assertThat(eval(call("like", Types.BOOLEAN, varchar("héllo"), varchar("h_llo")))).isEqualTo(true);
        assertError(call("like", Types.BOOLEAN, varchar("a"), varchar("a#x"), varchar("#")), ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Escape character must be followed by '%', '_' or the escape character: a#x");
        assertError(call("like", Types.BOOLEAN, varchar("a"), varchar("a"), varchar("##")), ErrorCode.INVALID_FUNCTION_ARGUMENT,
                "Escape string must be a single character");
        Page patterns = new Page(2, column(Types.VARCHAR, "abc", "xyz").block(0), column(Types.VARCHAR, "a%", "a%").block(0));
        assertThat(evalColumn(call("like", Types.BOOLEAN, new InputRef(0, Types.VARCHAR), new InputRef(1, Types.VARCHAR)), patterns))
                .containsExactly(true, false);

        assertThat(eval(call("substr", Types.VARCHAR, varchar("héllo"), bigint(2), bigint(3)))).isEqualTo("éll");
        assertThat(eval(call("substr", Types.VARCHAR, varchar("hello"), bigint(-3)))).isEqualTo("llo");
        assertThat(eval(call("substr", Types.VARCHAR, varchar("hello"), bigint(0)))).isEqualTo("");
        assertThat(eval(call("substr", Types.VARCHAR, varchar("hello"), bigint(9)))).isEqualTo("");
        assertThat(eval(call("length", Types.BIGINT, varchar("héllo")))).isEqualTo(5L);
        assertThat(eval(call("upper", Types.VARCHAR, varchar("héllo")))).isEqualTo("HÉLLO");
        assertThat(eval(call("lower", Types.VARCHAR, varchar("ABC")))).isEqualTo("abc");
        assertThat(eval(call("trim", Types.VARCHAR, varchar("  a b  ")))).isEqualTo("a b");
        assertThat(eval(call("ltrim", Types.VARCHAR, varchar("  a ")))).isEqualTo("a ");
        assertThat(eval(call("rtrim", Types.VARCHAR, varchar("  a ")))).isEqualTo("  a");
        assertThat(eval(call("concat", Types.VARCHAR, varchar("a"), varchar("b"), varchar("c")))).isEqualTo("abc");
        assertThat(eval(call("concat", Types.VARCHAR, varchar("a"), Constant.nullOf(Types.VARCHAR)))).isNull();
        assertThat(eval(call("replace", Types.VARCHAR, varchar("banana"), varchar("an"), varchar("o")))).isEqualTo("booa");
        assertThat(eval(call("replace", Types.VARCHAR, varchar("banana"), varchar("a")))).isEqualTo("bnn");
        assertThat(eval(call("strpos", Types.BIGINT, varchar("héllo"), varchar("l")))).isEqualTo(3L);
        assertThat(eval(call("strpos", Types.BIGINT, varchar("hello"), varchar("z")))).isEqualTo(0L);
    }

    @Test
    void mathAndDateFunctions() {
        assertThat(eval(call("abs", Types.INTEGER, integer(-5)))).isEqualTo(5L);
        assertThat(eval(call("abs", Types.decimal(2, 1), decimal("-2.5")))).isEqualTo(new BigDecimal("2.5"));
        assertThat(eval(call("round", Types.decimal(2, 0), decimal("2.5")))).isEqualTo(new BigDecimal("3"));
        assertThat(eval(call("round", Types.decimal(2, 0), decimal("-2.5")))).isEqualTo(new BigDecimal("-3"));
        assertThat(eval(call("round", Types.decimal(6, 4), decimal("1.2345"), integer(2)))).isEqualTo(new BigDecimal("1.2300"));
        assertThat(eval(call("round", Types.decimal(5, 3), decimal("1.005"), integer(2)))).isEqualTo(new BigDecimal("1.010"));
        assertThat(eval(call("round", Types.INTEGER, integer(12345), integer(-2)))).isEqualTo(12300L);
        assertThat(eval(call("round", Types.DOUBLE, dbl(2.5)))).isEqualTo(3.0);
        assertThat(eval(call("round", Types.DOUBLE, dbl(-0.5)))).isEqualTo(-1.0);
        assertThat(eval(call("round", Types.DOUBLE, dbl(Math.PI), integer(4)))).isEqualTo(3.1416);
        assertThat(eval(call("ceil", Types.decimal(2, 0), decimal("1.2")))).isEqualTo(new BigDecimal("2"));
        assertThat(eval(call("ceil", Types.decimal(2, 0), decimal("-1.2")))).isEqualTo(new BigDecimal("-1"));
        assertThat(eval(call("floor", Types.decimal(2, 0), decimal("-1.2")))).isEqualTo(new BigDecimal("-2"));
        assertThat(eval(call("floor", Types.DOUBLE, dbl(1.8)))).isEqualTo(1.0);
        assertThat(eval(call("sqrt", Types.DOUBLE, dbl(16)))).isEqualTo(4.0);
        assertThat(eval(call("sqrt", Types.DOUBLE, integer(16)))).isEqualTo(4.0);
        assertThat(eval(call("power", Types.DOUBLE, dbl(2), dbl(10)))).isEqualTo(1024.0);
        assertThat(eval(call("greatest", Types.INTEGER, integer(1), integer(5), integer(3)))).isEqualTo(5L);
        assertThat(eval(call("least", Types.decimal(2, 1), decimal("2.5"), decimal("1.5")))).isEqualTo(new BigDecimal("1.5"));
        assertThat(eval(call("greatest", Types.VARCHAR, varchar("apple"), varchar("pear")))).isEqualTo("pear");
        assertThat(eval(call("greatest", Types.INTEGER, integer(1), Constant.nullOf(Types.INTEGER)))).isNull();
        Constant date = constant(LocalDate.parse("1996-02-29").toEpochDay(), Types.DATE);
        assertThat(eval(call("year", Types.BIGINT, date))).isEqualTo(1996L);
        assertThat(eval(call("month", Types.BIGINT, date))).isEqualTo(2L);
        assertThat(eval(call("day", Types.BIGINT, date))).isEqualTo(29L);
        Constant old = constant(LocalDate.parse("1969-12-31").toEpochDay(), Types.DATE);
        assertThat(eval(call("year", Types.BIGINT, old))).isEqualTo(1969L);
        assertThat(eval(call("day", Types.BIGINT, old))).isEqualTo(31L);
    }

    @Test
    void resolutionErrorsAtCompileTime() {
        assertThatThrownBy(() -> ExpressionCompiler.compile(call("no_such_function", Types.BIGINT, bigint(1))))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND));
        assertThatThrownBy(() -> ExpressionCompiler.compile(call("substr", Types.VARCHAR, bigint(1), bigint(1))))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.FUNCTION_NOT_FOUND))
                .hasMessage("Unexpected parameters (bigint, bigint) for function substr");
        assertThatThrownBy(() -> ExpressionCompiler.compile(call("cast", Types.DATE, dbl(1))))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH));
    }

    @Test
    void filterSelectsTruePositions() {
        Page page = column(Types.BIGINT, 5L, null, 1L, 7L);
        PageFilter filter = ExpressionCompiler.compileFilter(
                call("greater_than", Types.BOOLEAN, new InputRef(0, Types.BIGINT), bigint(3)));
        int[] selected = new int[4];
        int count = filter.filter(page, selected);
        assertThat(Arrays.copyOf(selected, count)).containsExactly(0, 3);
    }

    @Test
    void conjunctionFilterDropsFalseAndNullRowsConjunctByConjunct() {
        Page page = column(Types.BIGINT, 5L, null, 1L, 7L, 4L, 9L);
        InputRef x = new InputRef(0, Types.BIGINT);
        PageFilter filter = ExpressionCompiler.compileFilter(new io.quarry.plan.expression.SpecialForm(
                io.quarry.plan.expression.Form.AND,
                List.of(call("greater_than", Types.BOOLEAN, x, bigint(3)), call("less_than", Types.BOOLEAN, x, bigint(8)),
                        call("not_equal", Types.BOOLEAN, x, bigint(5))),
                Types.BOOLEAN));
        int[] selected = new int[6];
        int count = filter.filter(page, selected);
        assertThat(Arrays.copyOf(selected, count)).containsExactly(3, 4);
    }

    @Test
    void comparisonsOfAColumnWithAConstantReadThePositionsAsked() {
        Page longs = column(Types.BIGINT, 5L, null, 1L, 7L, 3L);
        Page doubles = column(Types.DOUBLE, 0.5, null, 0.25, Double.NaN, 0.75);
        int[] positions = {4, 3, 2, 1};
        String[] operators = {"equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal"};
        List<List<Boolean>> expectedLongs = List.of(
                Arrays.asList(true, false, false, null), Arrays.asList(false, true, true, null),
                Arrays.asList(false, false, true, null), Arrays.asList(true, false, true, null),
                Arrays.asList(false, true, false, null), Arrays.asList(true, true, false, null));
        for (int i = 0; i < operators.length; i++) {
            BlockEvaluator columnFirst = ExpressionCompiler.compile(
                    call(operators[i], Types.BOOLEAN, new InputRef(0, Types.BIGINT), bigint(3)));
            assertThat(columnFirst).isInstanceOf(ConstantComparison.class);
            assertThat(booleans(columnFirst.evaluate(longs, positions, 4))).as(operators[i]).isEqualTo(expectedLongs.get(i));
        }
        // the constant first: 3 > x is x < 3
        BlockEvaluator constantFirst = ExpressionCompiler.compile(
                call("greater_than", Types.BOOLEAN, bigint(3), new InputRef(0, Types.BIGINT)));
        assertThat(booleans(constantFirst.evaluate(longs, null, 5))).containsExactly(false, null, true, false, false);
        // NaN compares false with everything but not_equal
        BlockEvaluator doubleLess = ExpressionCompiler.compile(
                call("less_than", Types.BOOLEAN, new InputRef(0, Types.DOUBLE), dbl(0.6)));
        assertThat(booleans(doubleLess.evaluate(doubles, null, 5))).containsExactly(true, null, true, false, false);
    }

    private static final String[] COMPARISONS =
            {"equal", "not_equal", "less_than", "less_than_or_equal", "greater_than", "greater_than_or_equal"};

    /** Java's own comparison, the oracle for the filters: a null value satisfies nothing. */
    private static boolean compares(String operator, Object value, Object constant) {
        if (value == null) {
            return false;
        }
        if (value instanceof Double x) {
            double c = (Double) constant;
            return switch (operator) {
                case "equal" -> x == c;
                case "not_equal" -> x != c;
                case "less_than" -> x < c;
                case "less_than_or_equal" -> x <= c;
                case "greater_than" -> x > c;
                default -> x >= c;
            };
        }
        int order = Long.compare((Long) value, (Long) constant);
        return switch (operator) {
            case "equal" -> order == 0;
            case "not_equal" -> order != 0;
            case "less_than" -> order < 0;
            case "less_than_or_equal" -> order <= 0;
            case "greater_than" -> order > 0;
            default -> order >= 0;
        };
    }

    @Test
    void filtersOfTwoBoundsOnAColumnSelectWhatTheComparisonsSay() {
        Object[] longs = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -5L, -1L, 0L, 1L, 3L, 4L, 5L, 7L, null,
            Long.MAX_VALUE - 1, Long.MAX_VALUE};
        Object[] longConstants = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1L, 0L, 3L, 5L, Long.MAX_VALUE - 1, Long.MAX_VALUE};
        Object[] doubles = {Double.NEGATIVE_INFINITY, -Double.MAX_VALUE, -1.5, -0.0, 0.0, Double.MIN_VALUE,
            -Double.MIN_VALUE, 1.0, Math.nextDown(24.0), 24.0, Math.nextUp(24.0), null, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NaN};
        Object[] doubleConstants = {-Double.MAX_VALUE, -0.0, 0.0, 1.0, 24.0, Double.MAX_VALUE,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};
        for (boolean isDouble : new boolean[] {false, true}) {
            Type type = isDouble ? Types.DOUBLE : Types.BIGINT;
            Object[] values = isDouble ? doubles : longs;
            Object[] constants = isDouble ? doubleConstants : longConstants;
            Page page = column(type, values);
            InputRef x = new InputRef(0, type);
            for (String first : COMPARISONS) {
                for (Object low : constants) {
                    for (String second : COMPARISONS) {
                        for (Object high : constants) {
                            // a leading conjunct that is no range makes the ranges read a selection of positions
                            for (boolean leading : new boolean[] {false, true}) {
                                List<Expression> conjuncts = new ArrayList<>();
                                Object skipped = values[2];
                                if (leading) {
                                    conjuncts.add(call("not_equal", Types.BOOLEAN, x, constant(skipped, type)));
                                }
                                conjuncts.add(call(first, Types.BOOLEAN, x, constant(low, type)));
                                conjuncts.add(call(second, Types.BOOLEAN, constant(high, type), x));
                                PageFilter filter = ExpressionCompiler.compileFilter(
                                        new SpecialForm(Form.AND, conjuncts, Types.BOOLEAN));
                                List<Integer> expected = new ArrayList<>();
                                for (int p = 0; p < values.length; p++) {
                                    Object value = values[p];
                                    if (compares(first, value, low)
                                            // high <op> x, the constant first
                                            && value != null && compares(second, high, value)
                                            && (!leading || compares("not_equal", value, skipped))) {
                                        expected.add(p);
                                    }
                                }
                                int[] selected = new int[values.length];
                                int count = filter.filter(page, selected);
                                assertThat(Arrays.stream(selected, 0, count).boxed().toList())
                                        .as("%s %s %s and %s %s x%s", type, first, low, high, second, leading ? " and leading" : "")
                                        .isEqualTo(expected);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void rangeFiltersReadDictionaryColumnsThroughTheirValues() {
        Block dictionary = column(Types.BIGINT, 10L, 20L, 30L, null).block(0);
        Page page = new Page(6, new io.quarry.block.DictionaryBlock(dictionary, new int[] {2, 0, 3, 1, 1, 2}, 6));
        InputRef x = new InputRef(0, Types.BIGINT);
        PageFilter filter = ExpressionCompiler.compileFilter(new SpecialForm(Form.AND, List.of(
                call("greater_than", Types.BOOLEAN, x, bigint(10)), call("less_than_or_equal", Types.BOOLEAN, x, bigint(30))),
                Types.BOOLEAN));
        int[] selected = new int[6];
        int count = filter.filter(page, selected);
        assertThat(Arrays.copyOf(selected, count)).containsExactly(0, 3, 4, 5);
    }

    private static List<Boolean> booleans(io.quarry.block.Block block) {
        List<Boolean> values = new java.util.ArrayList<>();
        for (int i = 0; i < block.positionCount(); i++) {
            values.add(block.isNull(i) ? null : ((io.quarry.block.BooleanBlock) block).getBoolean(i));
        }
        return values;
    }
}
