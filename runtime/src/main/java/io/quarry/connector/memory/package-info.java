/**
 * The {@code memory} connector: tables whose pages live in the memory of the workers that wrote them.
 * The coordinator's {@link io.quarry.connector.memory.MemoryMetadata} owns schemas, tables and which node
 * holds which piece of data; each worker's {@link io.quarry.connector.memory.MemoryPagesStore} holds the
 * pages, bounded by {@code memory.max-data-per-node}. May use {@code spi}, {@code type}, {@code block},
 * {@code page} and {@code config}'s data sizes.
 */
package io.quarry.connector.memory;
