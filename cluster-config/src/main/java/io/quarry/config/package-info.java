/**
 * Typed, validated configuration of a Quarry node: loaded from HOCON or from an openLooKeng-style
 * {@code etc/} directory. Depends on Typesafe Config and SLF4J only.
 */
package io.quarry.config;
