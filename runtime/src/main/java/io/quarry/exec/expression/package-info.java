/**
 * Compiles Quarry's expression IR once into evaluators that compute a block from a page a block at a time
 * (special forms lazily where it matters for errors), and filters that select positions. May use
 * {@code spi}, {@code type}, {@code block}, {@code page}, {@code plan} and {@code exec.function}.
 */
package io.quarry.exec.expression;
