/**
 * Dynamic filtering: while a join's build side is consumed, a summary of each equi-join key (its range and, while
 * small, its exact set of values) is collected and applied to the probe side's table scan, locally in the same
 * task or, for partitioned joins, through the coordinator in the scanning stage's tasks. Filters only ever drop
 * rows that cannot match, and a page read before a filter arrives passes unfiltered. Uses {@code plan},
 * {@code block}, {@code page} and {@code type}; no Akka or Kryo.
 */
package io.quarry.exec.dynamicfilter;
