package io.quarry.exec.operator;

import io.quarry.block.BlockBuilder;
import io.quarry.block.Values;
import io.quarry.page.Page;
import io.quarry.type.Type;
import java.util.ArrayList;
import java.util.List;

/** Builds pages from rows and runs an operator to completion, for operator tests. */
final class OperatorAssertions {
    private OperatorAssertions() {}

    static Page page(List<Type> types, Object[]... rows) {
        BlockBuilder[] builders = new BlockBuilder[types.size()];
        for (int i = 0; i < builders.length; i++) {
            builders[i] = BlockBuilder.create(types.get(i), rows.length);
        }
        for (Object[] row : rows) {
            for (int i = 0; i < builders.length; i++) {
                builders[i].appendObject(row[i]);
            }
        }
        io.quarry.block.Block[] blocks = new io.quarry.block.Block[builders.length];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = builders[i].build();
        }
        return new Page(rows.length, blocks);
    }

    static Object[] row(Object... values) {
        return values;
    }

    /** Feeds the pages, finishes, and collects every output row. */
    static List<List<Object>> run(Operator operator, List<Type> outputTypes, Page... input) {
        List<Page> output = new ArrayList<>();
        for (Page page : input) {
            if (operator.isFinished()) {
                break;
            }
            while (!operator.needsInput() && !operator.isFinished()) {
                Page out = operator.getOutput();
                if (out == null) {
                    throw new AssertionError("operator takes no input and gives no output");
                }
                output.add(out);
            }
            if (operator.isFinished()) {
                break;
            }
            operator.addInput(page);
            Page out = operator.getOutput();
            if (out != null) {
                output.add(out);
            }
        }
        operator.finish();
        int guard = 0;
        while (!operator.isFinished()) {
            Page out = operator.getOutput();
            if (out != null) {
                output.add(out);
            }
            if (++guard > 1_000_000) {
                throw new AssertionError("operator does not finish");
            }
        }
        return rows(output, outputTypes);
    }

    static List<List<Object>> rows(List<Page> pages, List<Type> types) {
        List<List<Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            for (int position = 0; position < page.positionCount(); position++) {
                List<Object> row = new ArrayList<>();
                for (int channel = 0; channel < types.size(); channel++) {
                    row.add(Values.toObject(types.get(channel), page.block(channel), position));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
