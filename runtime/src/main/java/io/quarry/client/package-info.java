/**
 * The programmatic API of Quarry: submit SQL, page through results, cancel, inspect the cluster — the
 * same asks the HTTP layer makes. May use every other runtime package and Akka.
 */
package io.quarry.client;
