/**
 * Columnar blocks over primitive arrays, with null masks, and their builders. Uses {@code type} only.
 */
package io.quarry.block;
