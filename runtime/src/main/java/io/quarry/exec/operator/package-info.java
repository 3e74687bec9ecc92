/**
 * The operators of a pipeline (scan, filter and project, hash aggregation, sort, top-N, limit, values,
 * remote source, output, local exchange) behind the small pull/push {@link io.quarry.exec.operator.Operator}
 * interface. May use {@code spi}, {@code type}, {@code block}, {@code page}, {@code plan} and the other
 * {@code exec} packages.
 */
package io.quarry.exec.operator;
