/**
 * The SQL types Quarry knows and how their values are laid out in blocks. Depends on nothing.
 */
package io.quarry.type;
