package io.quarry.exec.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.quarry.block.Block;
import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.exec.expression.ExpressionCompiler;
import io.quarry.page.Page;
import io.quarry.plan.expression.Call;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.QuarryException;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/** Evaluates single function calls through the expression compiler, as columns and as constants. */
final class FunctionAssertions {
    private FunctionAssertions() {}

    record Argument(Object value, Type type) {}

    static Argument arg(Object value, Type type) {
        return new Argument(value, type);
    }

    /**
     * The value of {@code name(arguments)} computed over a page of two rows: the arguments, then NULLs (which
     * must give NULL). The same call over constants must give the same value.
     */
    static Object eval(String name, Type result, Argument... arguments) {
        List<Expression> inputs = new ArrayList<>();
        Block[] blocks = new Block[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            BlockBuilder builder = BlockBuilder.create(arguments[i].type(), 2);
            builder.appendObject(arguments[i].value());
            builder.appendNull();
            blocks[i] = builder.build();
            inputs.add(new InputRef(i, arguments[i].type()));
        }
        Block block = ExpressionCompiler.compile(new Call(name, inputs, result)).evaluate(new Page(2, blocks));
        Object value = Values.toObject(result, block, 0);
        if (arguments.length > 0) {
            assertThat(block.isNull(1)).as(name + " of NULL").isTrue();
        }
        assertThat(evalConstants(name, result, arguments)).as(name + " over constants").isEqualTo(value);
        return value;
    }

    /** The value of the call with every argument a constant (the kernels' constant specialisations). */
    static Object evalConstants(String name, Type result, Argument... arguments) {
        List<Expression> constants = new ArrayList<>();
        for (Argument argument : arguments) {
            constants.add(new Constant(argument.value(), argument.type()));
        }
        Block block = ExpressionCompiler.compile(new Call(name, constants, result)).evaluate(new Page(1), null, 1);
        return Values.toObject(result, block, 0);
    }

    /** The error of evaluating the call over a column. */
    static QuarryException failure(String name, Type result, Argument... arguments) {
        return catchThrowableOfType(() -> {
            List<Expression> inputs = new ArrayList<>();
            Block[] blocks = new Block[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                BlockBuilder builder = BlockBuilder.create(arguments[i].type(), 1);
                builder.appendObject(arguments[i].value());
                blocks[i] = builder.build();
                inputs.add(new InputRef(i, arguments[i].type()));
            }
            ExpressionCompiler.compile(new Call(name, inputs, result)).evaluate(new Page(1, blocks));
        }, QuarryException.class);
    }
}
