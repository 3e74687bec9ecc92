/**
 * The reliability program behind {@code bin/reliability}: a multi-process cluster on 127.0.0.1
 * ({@link io.quarry.testing.ProcessCluster}), concurrent clients running the TPC-H queries of the conformance data
 * with their answers checked, and a chaos loop that kills workers with SIGKILL and restarts them; it counts
 * correct, failed (by error name), wrong and hung queries and lost or duplicated rows. Talks to the cluster only
 * through the statement protocol over HTTP and signals only the processes it started.
 */
package io.quarry.testing.reliability;
