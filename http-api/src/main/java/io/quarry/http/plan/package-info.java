/**
 * JSON of Quarry's plan records (fragments, plan nodes, expressions, types, splits) and sessions, for the task
 * protocol's {@code POST /v1/task/{taskId}} and the plans shown in stage info. Derived from the sealed
 * hierarchies, so a new plan record needs no code here.
 */
package io.quarry.http.plan;
