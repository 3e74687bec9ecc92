/**
 * The SQL front end: parses Presto/Trino-dialect SQL with Calcite, validates it against the catalogs'
 * metadata, optimises it with rule phases and translates the result into Quarry's own plan records
 * ({@link io.quarry.plan}). The only package of Quarry that may import Calcite.
 */
package io.quarry.sql;
