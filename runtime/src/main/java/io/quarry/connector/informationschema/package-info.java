/**
 * The {@code information_schema} every catalog has: its schemas, tables and columns as the SQL standard and
 * Trino name them, computed from the catalog's own metadata. Uses {@code spi}, {@code type}, {@code page} and
 * the system connector's snapshot splits.
 */
package io.quarry.connector.informationschema;
