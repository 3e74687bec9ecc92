/**
 * Test fixtures and tools: an in-process cluster of real nodes ({@link io.quarry.testing.QuarryCluster}), a
 * statement-protocol client, the comparison with the shared conformance data, and waiting helpers.
 */
package io.quarry.testing;
