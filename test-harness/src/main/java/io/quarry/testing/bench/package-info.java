/**
 * The benchmark program behind {@code bin/quarry bench}: {@code SELECT 1} round-trip latency, TPC-H Q1 and Q6
 * times against a running server, the start-up time of a fresh node, and the 22 TPC-H queries on memory tables
 * of several servers side by side with their answers cross-checked. Uses only the statement protocol
 * over HTTP (a minimal keep-alive client), never the node's internals.
 */
package io.quarry.testing.bench;
