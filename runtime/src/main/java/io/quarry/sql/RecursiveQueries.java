package io.quarry.sql;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelHomogeneousShuttle;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.RepeatUnion;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.TableSpool;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.tools.RelBuilder;

/**
 * WITH RECURSIVE, as Trino runs it: the recursion is unrolled to {@code max_recursion_depth} steps, each step the
 * recursive part reading the step before (the first reads the seed), and the union of the steps is the answer. One
 * step more is planned only to be counted: if it has rows, the recursion was cut short, and the query fails with
 * NOT_SUPPORTED rather than answering fewer rows.
 */
final class RecursiveQueries {
    /** {@code $recursion_depth_check(rows, depth)}: false when {@code rows} is 0, otherwise fails the query. */
    static final SqlFunction DEPTH_CHECK = new SqlFunction("$recursion_depth_check", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BOOLEAN_NOT_NULL, null, OperandTypes.ANY_ANY, SqlFunctionCategory.SYSTEM) {
        @Override
        public boolean isDeterministic() {
            return false;
        }
    };

    private RecursiveQueries() {}

    /** The tree with every recursive union unrolled to {@code maxDepth} steps. */
    static RelNode unroll(RelNode rel, RelBuilder builder, int maxDepth) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                RelNode visited = super.visit(other);
                return visited instanceof RepeatUnion union ? unroll(union, builder, maxDepth) : visited;
            }
        });
    }

    private static RelNode unroll(RepeatUnion union, RelBuilder builder, int maxDepth) {
        RelOptTable table = union.getTransientTable();
        RelDataType rowType = union.getRowType();
        RelNode seed = withoutSpool(union.getSeedRel());
        RelNode recursive = withoutSpool(union.getIterativeRel());
        List<RelNode> steps = new ArrayList<>();
        RelNode previous = convert(seed, rowType, builder);
        steps.add(previous);
        for (int depth = 1; depth <= maxDepth + 1; depth++) {
            previous = convert(replaceScans(recursive, table, previous), rowType, builder);
            steps.add(previous);
        }
        RelNode beyond = steps.remove(steps.size() - 1);
        // the step past the limit must be empty: its row count goes through the check, which fails otherwise
        RexBuilder rex = builder.getRexBuilder();
        builder.push(beyond).aggregate(builder.groupKey(), builder.countStar("rows"));
        RexNode check = rex.makeCall(DEPTH_CHECK, builder.field(0), rex.makeExactLiteral(java.math.BigDecimal.valueOf(maxDepth)));
        builder.filter(check);
        List<RexNode> nulls = new ArrayList<>();
        rowType.getFieldList().forEach(field -> nulls.add(rex.makeNullLiteral(field.getType())));
        builder.project(nulls, rowType.getFieldNames());
        steps.add(builder.build());
        for (RelNode step : steps) {
            builder.push(step);
        }
        return builder.union(union.all, steps.size()).convert(rowType, false).build();
    }

    private static RelNode withoutSpool(RelNode rel) {
        return rel instanceof TableSpool spool ? spool.getInput() : rel;
    }

    private static RelNode convert(RelNode rel, RelDataType rowType, RelBuilder builder) {
        return builder.push(rel).convert(rowType, false).build();
    }

    /** {@code rel} with every scan of {@code table} (the recursive name) replaced by {@code input}. */
    private static RelNode replaceScans(RelNode rel, RelOptTable table, RelNode input) {
        return rel.accept(new RelHomogeneousShuttle() {
            @Override
            public RelNode visit(RelNode other) {
                if (other instanceof TableScan scan && scan.getTable().getQualifiedName().equals(table.getQualifiedName())) {
                    return input;
                }
                return super.visit(other);
            }
        });
    }
}
