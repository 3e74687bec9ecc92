/**
 * Quarry's expression IR: typed records over input channels, translated from SQL and compiled by the
 * executor. Uses {@code type} only.
 */
package io.quarry.plan.expression;
