/**
 * The {@code tpch} connector: TPC-H tables generated on the fly by {@code io.trino.tpch}, in schemas
 * {@code tiny} (scale 0.01) and {@code sf<n>}, with openLooKeng's column types and naming. May use
 * {@code spi}, {@code type}, {@code block}, {@code page} and the generator library.
 */
package io.quarry.connector.tpch;
