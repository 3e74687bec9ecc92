/**
 * Memory accounting: each task's {@link io.quarry.exec.memory.TaskMemoryContext} sums what its operators
 * retain and what its page buffers hold, and the node's {@link io.quarry.exec.memory.NodeMemoryPool} sums the
 * tasks of each query and fails a task whose query passes {@code query.max-memory-per-node}.
 */
package io.quarry.exec.memory;
