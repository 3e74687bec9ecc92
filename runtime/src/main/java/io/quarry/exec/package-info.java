/**
 * The executor of one task: the local execution planner that turns a {@link io.quarry.plan.PlanFragment}
 * into pipelines of operators, the time-sliced drivers that move pages through them, and the interfaces
 * the task runtime feeds ({@link io.quarry.exec.TaskExecution}, {@link io.quarry.exec.OutputSink},
 * {@link io.quarry.exec.RemoteSourceBuffer}). Uses only {@code spi}, {@code type}, {@code block},
 * {@code page} and {@code plan}; no Akka, Calcite or Kryo.
 */
package io.quarry.exec;
