package io.quarry.exec.expression;

import io.quarry.block.Block;
import io.quarry.block.Values;
import io.quarry.exec.function.Blocks;
import io.quarry.exec.function.Functions;
import io.quarry.exec.function.ScalarLibrary;
import io.quarry.exec.function.ScalarKernel;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.Form;
import io.quarry.plan.expression.InputRef;
import io.quarry.plan.expression.SpecialForm;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BooleanType;
import io.quarry.type.CharType;
import io.quarry.type.DecimalType;
import io.quarry.type.Storage;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarcharType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compiles expressions of the plan into {@link BlockEvaluator}s, once per operator. Every function is
 * resolved here (unknown: FUNCTION_NOT_FOUND, unsupported types: NOT_SUPPORTED), and calls over constants
 * are folded unless folding raises an error, which is then left to the rows that reach it.
 */
public final class ExpressionCompiler {
    private ExpressionCompiler() {}

    public static BlockEvaluator compile(Expression expression) {
        if (expression instanceof InputRef input) {
            return new Evaluators.Input(input.channel(), input.type());
        }
        if (expression instanceof Constant constant) {
            checkConstant(constant);
            return new Evaluators.Constant(constant.type(), constant.value());
        }
        if (expression instanceof Call call && LambdaCalls.handles(call)) {
            return LambdaCalls.compile(call);
        }
        if (expression instanceof io.quarry.plan.expression.Lambda) {
            throw new QuarryException(ErrorCode.NOT_SUPPORTED, "A lambda expression is only allowed as a function argument");
        }
        if (expression instanceof Call call) {
            ScalarKernel kernel = Functions.resolve(call);
            BlockEvaluator[] arguments = compileAll(call.arguments());
            Evaluators.Call evaluator = new Evaluators.Call(call.function(), kernel, arguments, call.type());
            BlockEvaluator folded = ScalarLibrary.isDeterministic(call.function())
                    ? fold(evaluator, arguments.length > 0 && java.util.Arrays.stream(arguments).allMatch(Evaluators.Constant.class::isInstance))
                    : evaluator;
            return folded == evaluator ? ConstantComparison.of(call, evaluator) : folded;
        }
        SpecialForm form = (SpecialForm) expression;
        // whether the arguments fold is read from the expressions: compiling them again for it doubled the work at
        // each level of nesting (a CASE nested 25 deep took minutes)
        return fold(compileForm(form), !form.arguments().isEmpty() && form.arguments().stream().allMatch(ExpressionCompiler::folds));
    }

    /** Compiles a boolean predicate into a filter. */
    public static PageFilter compileFilter(Expression predicate) {
        if (!(predicate.type() instanceof BooleanType)) {
            throw new QuarryException(ErrorCode.TYPE_MISMATCH, "Filter must be boolean, not " + predicate.type().displayName());
        }
        BlockEvaluator compiled = compile(predicate);
        if (compiled instanceof Evaluators.Logical logical && logical.isAnd()
                && predicate instanceof SpecialForm form && form.arguments().size() == logical.arguments().length) {
            List<Expression> expressions = new ArrayList<>();
            List<BlockEvaluator> conjuncts = new ArrayList<>();
            for (int i = 0; i < logical.arguments().length; i++) {
                addConjunct(form.arguments().get(i), logical.arguments()[i], expressions, conjuncts);
            }
            BlockEvaluator[] wrapped = new BlockEvaluator[conjuncts.size()];
            for (int i = 0; i < wrapped.length; i++) {
                wrapped[i] = EncodedInputEvaluator.wrap(expressions.get(i), conjuncts.get(i));
            }
            return new PageFilter(wrapped.length == 1 ? wrapped[0] : new Evaluators.Logical(true, wrapped));
        }
        ColumnRange range = compiled instanceof ConstantComparison comparison ? comparison.range() : null;
        return new PageFilter(EncodedInputEvaluator.wrap(predicate, range == null ? compiled : range));
    }

    /**
     * Adds one conjunct of a filter: a comparison of a column with a constant becomes a range of the column, merged
     * with an earlier range of the same column (two bounds, one pass).
     */
    private static void addConjunct(
            Expression expression, BlockEvaluator conjunct, List<Expression> expressions, List<BlockEvaluator> conjuncts) {
        ColumnRange range = conjunct instanceof ConstantComparison comparison ? comparison.range() : null;
        if (range == null) {
            expressions.add(expression);
            conjuncts.add(conjunct);
            return;
        }
        for (int i = 0; i < conjuncts.size(); i++) {
            if (conjuncts.get(i) instanceof ColumnRange earlier && earlier.channel() == range.channel()) {
                BlockEvaluator both = new Evaluators.Logical(true, new BlockEvaluator[] {earlier.general(), range.general()});
                conjuncts.set(i, earlier.intersect(range, both));
                expressions.set(i, new SpecialForm(Form.AND, List.of(expressions.get(i), expression), Types.BOOLEAN));
                return;
            }
        }
        expressions.add(expression);
        conjuncts.add(range);
    }

    /**
     * Compiles a projection of a filter-project operator: pages may carry dictionary and run-length blocks, which
     * it passes through or exploits (see {@link EncodedInputEvaluator}).
     */
    public static BlockEvaluator compileProjection(Expression projection) {
        return EncodedInputEvaluator.wrap(projection, compile(projection));
    }

    private static void checkConstant(Constant constant) {
        Object value = constant.value();
        if (value == null) {
            return;
        }
        Storage storage = constant.type().storage();
        boolean valid = switch (storage) {
            case LONG -> constant.type() instanceof DecimalType ? value instanceof java.math.BigDecimal : value instanceof Number;
            case DOUBLE -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case INT128 -> constant.type() instanceof DecimalType ? value instanceof java.math.BigDecimal : value instanceof java.math.BigInteger;
            case VARIABLE_WIDTH -> value instanceof String || value instanceof byte[];
            case ARRAY, ROW -> value instanceof List;
            case MAP -> value instanceof java.util.Map;
        };
        if (!valid) {
            throw new QuarryException(
                    ErrorCode.GENERIC_INTERNAL_ERROR,
                    "Constant " + value + " of class " + value.getClass().getSimpleName() + " does not fit type "
                            + constant.type().displayName());
        }
    }

    private static BlockEvaluator[] compileAll(List<Expression> expressions) {
        BlockEvaluator[] result = new BlockEvaluator[expressions.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = compile(expressions.get(i));
        }
        return result;
    }

    /**
     * Whether an expression may compile to a constant: a constant, or a deterministic call or form of such
     * arguments. A guess that fails to fold (an argument failing, 1/0) only costs an evaluation that fails.
     */
    private static boolean folds(Expression expression) {
        if (expression instanceof Constant) {
            return true;
        }
        if (expression instanceof Call call) {
            return !call.arguments().isEmpty() && !LambdaCalls.handles(call) && ScalarLibrary.isDeterministic(call.function())
                    && call.arguments().stream().allMatch(ExpressionCompiler::folds);
        }
        return expression instanceof SpecialForm form && !form.arguments().isEmpty()
                && form.arguments().stream().allMatch(ExpressionCompiler::folds);
    }

    /** Replaces an evaluator whose arguments are all constant by its value, when computing it succeeds. */
    private static BlockEvaluator fold(BlockEvaluator evaluator, boolean constantArguments) {
        if (!constantArguments) {
            return evaluator;
        }
        try {
            Block block = evaluator.evaluate(new Page(1), null, 1);
            return new Evaluators.Constant(evaluator.type(), Values.toObject(evaluator.type(), block, 0));
        } catch (QuarryException e) {
            // a constant error (e.g. 1/0 in an untaken CASE branch) must only fail rows that reach it
            return evaluator;
        }
    }

    private static void checkArity(SpecialForm form, int minimum, int maximum) {
        int size = form.arguments().size();
        if (size < minimum || size > maximum) {
            throw new QuarryException(
                    ErrorCode.GENERIC_INTERNAL_ERROR, form.form() + " with " + size + " arguments is malformed");
        }
    }

    private static void checkBoolean(Expression expression, Form form) {
        if (!(expression.type() instanceof BooleanType) && !(expression.type() instanceof io.quarry.type.UnknownType)) {
            throw new QuarryException(
                    ErrorCode.TYPE_MISMATCH, form + " needs boolean arguments, not " + expression.type().displayName());
        }
    }

    private static BlockEvaluator compileForm(SpecialForm form) {
        List<Expression> arguments = form.arguments();
        switch (form.form()) {
            case AND, OR -> {
                checkArity(form, 1, Integer.MAX_VALUE);
                arguments.forEach(argument -> checkBoolean(argument, form.form()));
                return new Evaluators.Logical(form.form() == Form.AND, compileAll(arguments));
            }
            case NOT -> {
                checkArity(form, 1, 1);
                checkBoolean(arguments.get(0), Form.NOT);
                return new Evaluators.Not(compile(arguments.get(0)));
            }
            case IS_NULL, IS_NOT_NULL -> {
                checkArity(form, 1, 1);
                return new Evaluators.IsNull(compile(arguments.get(0)), form.form() == Form.IS_NOT_NULL);
            }
            case IF -> {
                checkArity(form, 2, 3);
                checkBoolean(arguments.get(0), Form.IF);
                BlockEvaluator otherwise = arguments.size() == 3
                        ? compile(arguments.get(2))
                        : new Evaluators.Constant(form.type(), null);
                return new Evaluators.Case(
                        new BlockEvaluator[] {compile(arguments.get(0))},
                        new BlockEvaluator[] {compile(arguments.get(1))},
                        otherwise,
                        form.type());
            }
            case CASE -> {
                if (arguments.size() < 1 || arguments.size() % 2 != 1) {
                    throw new QuarryException(ErrorCode.GENERIC_INTERNAL_ERROR, "CASE needs WHEN/THEN pairs and an ELSE");
                }
                int pairs = arguments.size() / 2;
                BlockEvaluator[] conditions = new BlockEvaluator[pairs];
                BlockEvaluator[] results = new BlockEvaluator[pairs];
                for (int i = 0; i < pairs; i++) {
                    checkBoolean(arguments.get(2 * i), Form.CASE);
                    conditions[i] = compile(arguments.get(2 * i));
                    results[i] = compile(arguments.get(2 * i + 1));
                }
                return new Evaluators.Case(conditions, results, compile(arguments.get(arguments.size() - 1)), form.type());
            }
            case COALESCE -> {
                checkArity(form, 1, Integer.MAX_VALUE);
                return new Evaluators.Coalesce(compileAll(arguments), form.type());
            }
            case NULLIF -> {
                checkArity(form, 2, 2);
                ScalarKernel equal = Functions.resolve(new Call("equal", arguments, Types.BOOLEAN));
                return new Evaluators.NullIf(compile(arguments.get(0)), compile(arguments.get(1)), equal, form.type());
            }
            case IN -> {
                checkArity(form, 2, Integer.MAX_VALUE);
                return compileIn(arguments);
            }
            case TRY -> {
                checkArity(form, 1, 1);
                return new TryEvaluator(compile(arguments.get(0)));
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static BlockEvaluator compileIn(List<Expression> arguments) {
        Expression value = arguments.get(0);
        List<Expression> items = arguments.subList(1, arguments.size());
        BlockEvaluator[] itemEvaluators = compileAll(items);
        ScalarKernel[] equals = new ScalarKernel[items.size()];
        boolean allConstantSameType = true;
        boolean hasNull = false;
        for (int i = 0; i < items.size(); i++) {
            equals[i] = Functions.resolve(new Call("equal", List.of(value, items.get(i)), Types.BOOLEAN));
            BlockEvaluator item = itemEvaluators[i];
            if (!(item instanceof Evaluators.Constant constant) || !items.get(i).type().equals(value.type())) {
                allConstantSameType = false;
            } else if (constant.value() == null) {
                hasNull = true;
            }
        }
        Type type = value.type();
        BlockEvaluator valueEvaluator = compile(value);
        if (allConstantSameType && type.storage() == Storage.LONG) {
            long[] sorted = Arrays.stream(itemEvaluators)
                    .map(item -> ((Evaluators.Constant) item).value())
                    .filter(java.util.Objects::nonNull)
                    .mapToLong(item -> Blocks.toLong(type, item))
                    .sorted()
                    .toArray();
            return new InEvaluator(valueEvaluator, itemEvaluators, equals, sorted, null, hasNull);
        }
        if (allConstantSameType && (type instanceof VarcharType || type instanceof CharType)) {
            byte[][] sorted = Arrays.stream(itemEvaluators)
                    .map(item -> ((Evaluators.Constant) item).value())
                    .filter(java.util.Objects::nonNull)
                    .map(item -> ((String) item).getBytes(StandardCharsets.UTF_8))
                    .sorted(Arrays::compareUnsigned)
                    .toArray(byte[][]::new);
            return new InEvaluator(valueEvaluator, itemEvaluators, equals, null, sorted, hasNull);
        }
        return new InEvaluator(valueEvaluator, itemEvaluators, equals, null, null, false);
    }
}
