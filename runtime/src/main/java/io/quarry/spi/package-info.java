/**
 * The contracts between the engine and its connectors (metadata, splits, page sources), the error
 * codes, failures and the typed ids of queries, stages and tasks. Uses {@code type} and {@code page}.
 */
package io.quarry.spi;
