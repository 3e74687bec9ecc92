package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.plan.Join;
import io.quarry.plan.JoinDistribution;
import io.quarry.plan.JoinType;
import io.quarry.plan.PlanNode;
import io.quarry.plan.Project;
import io.quarry.plan.expression.Expression;
import io.quarry.plan.expression.InputRef;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.type.BigintType;
import io.quarry.type.BooleanType;
import io.quarry.type.DecimalType;
import io.quarry.type.IntegerType;
import io.quarry.type.SmallintType;
import io.quarry.type.TinyintType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import io.quarry.type.VarcharType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates Calcite joins (inner, outer, semi, anti and the mark joins of {@code IN} sub-queries) into
 * {@link Join} nodes: equality keys (cast to one type on both sides), the rest of the condition as a filter,
 * the smaller input of an inner or outer join as the build side, and the distribution chosen from the
 * estimated size of the build side and the session's {@code join_distribution_type}.
 */
final class JoinTranslator {
    /** Build sides estimated at most this many rows are broadcast under AUTOMATIC. */
    static final double BROADCAST_MAX_ROWS = 1_000_000;
    /** A semi or anti join builds its left side instead when that is this many times smaller. */
    private static final double FLIP_RATIO = 4;

    private final PlanTranslator translator;
    private final String distributionType;
    /** Created with the first join: the estimates of one statement's expressions. */
    private Cardinality cardinality;

    JoinTranslator(PlanTranslator translator, String distributionType) {
        this.translator = requireNonNull(translator, "translator is null");
        this.distributionType = requireNonNull(distributionType, "distributionType is null");
    }

    PlanTranslator.Translated join(org.apache.calcite.rel.core.Join join, ImmutableBitSet required) {
        JoinType type = switch (join.getJoinType()) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            case LEFT_MARK -> JoinType.MARK;
            default -> throw new QuarryException(ErrorCode.NOT_SUPPORTED, "Join type " + join.getJoinType() + " is not supported");
        };
        return translate(join, type, required);
    }

    private PlanTranslator.Translated translate(org.apache.calcite.rel.core.Join join, JoinType type, ImmutableBitSet required) {
        RelNode leftRel = join.getLeft();
        RelNode rightRel = join.getRight();
        int leftFields = leftRel.getRowType().getFieldCount();
        int rightFields = rightRel.getRowType().getFieldCount();
        RexNode condition = join.getCondition();
        JoinInfo info = JoinInfo.of(leftRel, rightRel, condition);
        RexNode remaining = RexUtil.composeConjunction(join.getCluster().getRexBuilder(), info.nonEquiConditions);
        if (remaining.isAlwaysTrue()) {
            remaining = null;
        }

        ImmutableBitSet conditionFields = RelOptUtil.InputFinder.bits(condition);
        ImmutableBitSet.Builder leftRequired = ImmutableBitSet.builder();
        ImmutableBitSet.Builder rightRequired = ImmutableBitSet.builder();
        for (int field : required.union(conditionFields)) {
            if (field < leftFields) {
                leftRequired.set(field);
            } else if (field < leftFields + rightFields && (type.outputsRight() || conditionFields.get(field))) {
                rightRequired.set(field - leftFields);
            }
        }
        PlanTranslator.Translated left = translator.translate(leftRel, leftRequired.build());
        PlanTranslator.Translated right = translator.translate(rightRel, rightRequired.build());

        // Key channels, cast to one type on both sides where they differ.
        List<Expression> leftExtra = new ArrayList<>();
        List<Expression> rightExtra = new ArrayList<>();
        List<Integer> leftKeys = new ArrayList<>();
        List<Integer> rightKeys = new ArrayList<>();
        List<Boolean> nullSafe = new ArrayList<>();
        List<Type> leftTypes = left.node().outputTypes();
        List<Type> rightTypes = right.node().outputTypes();
        for (int i = 0; i < info.leftKeys.size(); i++) {
            int leftChannel = left.mapping()[info.leftKeys.get(i)];
            int rightChannel = right.mapping()[info.rightKeys.get(i)];
            Type leftType = leftTypes.get(leftChannel);
            Type rightType = rightTypes.get(rightChannel);
            // a char and a varchar key compare as chars, also where Calcite cast the char to varchar below the join
            Type charKey = CharCast.comparisonType(charBehind(left.node(), leftChannel, leftType), charBehind(right.node(), rightChannel, rightType));
            if (charKey != null || !sameKeyValues(leftType, rightType)) {
                Type common = charKey != null ? charKey : keyType(leftType, rightType);
                if (!leftType.equals(common)) {
                    leftChannel = leftTypes.size() + leftExtra.size();
                    leftExtra.add(ExpressionTranslator.coerce(new InputRef(left.mapping()[info.leftKeys.get(i)], leftType), common));
                }
                if (!rightType.equals(common)) {
                    rightChannel = rightTypes.size() + rightExtra.size();
                    rightExtra.add(ExpressionTranslator.coerce(new InputRef(right.mapping()[info.rightKeys.get(i)], rightType), common));
                }
            }
            leftKeys.add(leftChannel);
            rightKeys.add(rightChannel);
            nullSafe.add(!info.nullExclusionFlags.get(i));
        }
        PlanNode leftNode = withExtraChannels(left.node(), leftExtra);
        PlanNode rightNode = withExtraChannels(right.node(), rightExtra);
        int leftWidth = leftNode.outputTypes().size();
        int rightWidth = rightNode.outputTypes().size();

        // The filter sees the left channels, then the right ones.
        Optional<Expression> filter = Optional.empty();
        if (remaining != null) {
            List<Type> combinedTypes = new ArrayList<>(leftNode.outputTypes());
            combinedTypes.addAll(rightNode.outputTypes());
            int[] combinedMapping = new int[leftFields + rightFields];
            for (int field = 0; field < leftFields; field++) {
                combinedMapping[field] = left.mapping()[field];
            }
            for (int field = 0; field < rightFields; field++) {
                int channel = right.mapping()[field];
                combinedMapping[leftFields + field] = channel < 0 ? -1 : leftWidth + channel;
            }
            Expression predicate = new ExpressionTranslator(translator.rexBuilder(), combinedTypes, combinedMapping).translate(remaining);
            if (!(predicate.type() instanceof BooleanType) && !TypeMapping.isUnknown(predicate.type())) {
                throw new QuarryException(ErrorCode.TYPE_MISMATCH, "JOIN ON clause must evaluate to a boolean: actual type " + predicate.type().displayName());
            }
            filter = Optional.of(predicate);
        }

        if (cardinality == null) {
            cardinality = new Cardinality(join.getCluster().getMetadataQuery());
        }
        double leftRows = cardinality.rows(leftRel);
        double rightRows = cardinality.rows(rightRel);

        // The smaller input of an inner or outer join is the build side (held in memory).
        boolean swap = type.outputsRight() && leftRows < rightRows;
        if (swap) {
            JoinType swapped = switch (type) {
                case LEFT -> JoinType.RIGHT;
                case RIGHT -> JoinType.LEFT;
                default -> type;
            };
            Optional<Expression> swappedFilter = filter.map(predicate -> Channels.swap(predicate, leftWidth, rightWidth));
            Join node = new Join(swapped, rightNode, leftNode, rightKeys, leftKeys, nullSafe, swappedFilter,
                    distribution(swapped, leftKeys.isEmpty(), leftRows));
            int[] mapping = new int[leftFields + rightFields];
            for (int field = 0; field < leftFields; field++) {
                mapping[field] = shifted(left.mapping()[field], rightWidth);
            }
            for (int field = 0; field < rightFields; field++) {
                mapping[leftFields + field] = right.mapping()[field];
            }
            return new PlanTranslator.Translated(node, mapping);
        }

        if ((type == JoinType.SEMI || type == JoinType.ANTI) && !leftKeys.isEmpty() && leftRows * FLIP_RATIO < rightRows) {
            // few rows to keep, many to look for: the kept side is built, the other streams past it
            JoinType flipped = type == JoinType.SEMI ? JoinType.RIGHT_SEMI : JoinType.RIGHT_ANTI;
            Optional<Expression> swappedFilter = filter.map(predicate -> Channels.swap(predicate, leftWidth, rightWidth));
            Join node = new Join(flipped, rightNode, leftNode, rightKeys, leftKeys, nullSafe, swappedFilter,
                    distribution(flipped, false, leftRows));
            int[] mapping = new int[join.getRowType().getFieldCount()];
            for (int field = 0; field < leftFields; field++) {
                mapping[field] = left.mapping()[field];
            }
            return new PlanTranslator.Translated(node, mapping);
        }
        Join node = new Join(type, leftNode, rightNode, leftKeys, rightKeys, nullSafe, filter,
                distribution(type, leftKeys.isEmpty(), rightRows));
        int outputFields = join.getRowType().getFieldCount();
        int[] mapping = new int[outputFields];
        Arrays.fill(mapping, -1);
        for (int field = 0; field < leftFields; field++) {
            mapping[field] = left.mapping()[field];
        }
        if (type.outputsRight()) {
            for (int field = 0; field < rightFields; field++) {
                mapping[leftFields + field] = shifted(right.mapping()[field], leftWidth);
            }
        } else if (type == JoinType.MARK) {
            mapping[leftFields] = leftWidth;
        }
        return new PlanTranslator.Translated(node, mapping);
    }

    private static int shifted(int channel, int offset) {
        return channel < 0 ? -1 : channel + offset;
    }

    private JoinDistribution distribution(JoinType type, boolean noKeys, double buildRows) {
        if (noKeys || type == JoinType.MARK) {
            // no key to partition on; a mark must see every build row (its NULLs and whether there is any)
            return JoinDistribution.BROADCAST;
        }
        if (type.tracksMatchedRight()) {
            // every task would emit the unmatched (or matched) rows of its own copy of the build side
            return JoinDistribution.PARTITIONED;
        }
        return switch (distributionType) {
            case "BROADCAST" -> JoinDistribution.BROADCAST;
            case "PARTITIONED" -> JoinDistribution.PARTITIONED;
            default -> buildRows <= BROADCAST_MAX_ROWS ? JoinDistribution.BROADCAST : JoinDistribution.PARTITIONED;
        };
    }

    private static PlanNode withExtraChannels(PlanNode node, List<Expression> extra) {
        if (extra.isEmpty()) {
            return node;
        }
        List<Type> types = node.outputTypes();
        List<Expression> projections = new ArrayList<>();
        for (int channel = 0; channel < types.size(); channel++) {
            projections.add(new InputRef(channel, types.get(channel)));
        }
        projections.addAll(extra);
        return new Project(node, projections);
    }

    /** Whether values of the two key types are stored alike, so equal values hash and compare equal. */
    /**
     * The char(n) type of a key channel that a projection computes as a char(n) value cast to varchar (Calcite's
     * way to compare a char with a varchar), else the channel's own type. Cast back to char, the padded varchar
     * gives the char value again.
     */
    private static Type charBehind(PlanNode node, int channel, Type type) {
        if (node instanceof Project project && type instanceof VarcharType) {
            Expression value = project.projections().get(channel);
            Expression unwrapped = CharCast.withoutCastToVarchar(value);
            if (unwrapped != value) {
                return unwrapped.type();
            }
        }
        return type;
    }

    private static boolean sameKeyValues(Type left, Type right) {
        if (left.equals(right)) {
            return true;
        }
        if (left instanceof VarcharType && right instanceof VarcharType) {
            return true;
        }
        return isIntegral(left) && isIntegral(right);
    }

    private static boolean isIntegral(Type type) {
        return type instanceof TinyintType || type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType;
    }

    private static Type keyType(Type left, Type right) {
        boolean leftExact = left instanceof DecimalType || isIntegral(left);
        boolean rightExact = right instanceof DecimalType || isIntegral(right);
        if (leftExact && rightExact) {
            DecimalType a = asDecimal(left);
            DecimalType b = asDecimal(right);
            int scale = Math.max(a.scale(), b.scale());
            int digits = Math.max(a.precision() - a.scale(), b.precision() - b.scale());
            return Types.decimal(Math.min(DecimalType.MAX_PRECISION, digits + scale), scale);
        }
        return ExpressionTranslator.commonType(left, right, "=");
    }

    private static DecimalType asDecimal(Type type) {
        if (type instanceof DecimalType decimal) {
            return decimal;
        }
        int digits = type instanceof TinyintType ? 3 : type instanceof SmallintType ? 5 : type instanceof IntegerType ? 10 : 19;
        return (DecimalType) Types.decimal(digits, 0);
    }
}
