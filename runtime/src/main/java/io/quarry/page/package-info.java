/**
 * Pages: a position count and one block per column, the unit that operators and exchanges move.
 * Uses {@code block} only.
 */
package io.quarry.page;
