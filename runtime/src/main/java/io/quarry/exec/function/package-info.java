/**
 * Vectorised scalar function kernels: operators, casts, string, math and date functions, each computing a
 * whole block from argument blocks over primitive arrays, with Trino's semantics and error codes. May use
 * {@code spi}, {@code type}, {@code block}, {@code page}, {@code plan}.
 */
package io.quarry.exec.function;
