/**
 * Typed, validated configuration of a Quarry node: loaded from HOCON ({@link io.quarry.config.HoconConfigLoader},
 * keys under {@code quarry} declared in this module's {@code reference.conf}) or from an openLooKeng-style
 * {@code etc/} directory ({@link io.quarry.config.EtcConfigLoader}), into immutable records
 * ({@link io.quarry.config.NodeConfig}, {@link io.quarry.config.QueryConfig},
 * {@link io.quarry.config.CatalogConfig}). Other modules get these records, never a {@code Config}; the one
 * exception is {@link io.quarry.config.AkkaSettings}, which hands the ActorSystem its Akka configuration.
 *
 * <p>A bad value is one {@link io.quarry.config.ConfigException} naming file, key and what is allowed.
 * {@link io.quarry.config.DataSizes} and {@link io.quarry.config.Durations} parse and print airlift's data
 * size and duration strings, which the client protocol also uses.
 *
 * <p>Depends on Typesafe Config and SLF4J only.
 */
package io.quarry.config;
