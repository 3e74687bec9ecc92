/**
 * The catalogs of a node: the built-in connector factories and the {@link io.quarry.connector.CatalogManager}
 * that creates one connector per configured catalog. May use {@code spi}, {@code type}, {@code block},
 * {@code page} and the built-in connector packages below it; no Akka, no Calcite.
 */
package io.quarry.connector;
