package io.quarry.exec.function;

import io.quarry.block.Block;

/**
 * A compiled scalar function: computes the result block of {@code positionCount} positions from argument
 * blocks of the same position count. Thread-safe unless said otherwise; errors are {@code QuarryException}s.
 */
@FunctionalInterface
public interface ScalarKernel {
    Block apply(Block[] arguments, int positionCount);
}
