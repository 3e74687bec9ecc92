/**
 * Test fixtures and tools: an in-process cluster of real nodes ({@link io.quarry.testing.QuarryCluster}), a
 * cluster of separate JVMs started through {@code bin/quarry} ({@link io.quarry.testing.ProcessCluster},
 * {@link io.quarry.testing.QuarryProcess}, {@link io.quarry.testing.EtcDirectory}), a statement-protocol
 * client, the comparison with the shared conformance data, and waiting helpers.
 */
package io.quarry.testing;
