package io.quarry.plan.expression;

import io.quarry.type.Type;

/**
 * Quarry's expression IR: typed trees over the input channels of a plan node. Not Calcite's RexNode:
 * records only, so plans serialise to workers.
 */
public sealed interface Expression permits InputRef, Constant, Call, SpecialForm, Lambda {
    Type type();
}
