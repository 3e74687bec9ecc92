/**
 * The benchmark program behind {@code bin/quarry bench}: {@code SELECT 1} round-trip latency, TPC-H Q1 and Q6
 * times against a running server, and the start-up time of a fresh node. Uses only the statement protocol
 * over HTTP (a minimal keep-alive client), never the node's internals.
 */
package io.quarry.testing.bench;
