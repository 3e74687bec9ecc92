/**
 * Quarry's serialisable physical plan: plan-node records, distribution planning (exchanges) and the
 * fragmenter that cuts plans into stages. Uses {@code spi} and {@code type}; knows nothing of Calcite.
 */
package io.quarry.plan;
