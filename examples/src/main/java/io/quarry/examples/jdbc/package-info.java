/** Querying Quarry with the unmodified Trino JDBC driver. */
package io.quarry.examples.jdbc;
