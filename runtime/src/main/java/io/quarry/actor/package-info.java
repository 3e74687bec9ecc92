/**
 * The actor hierarchy of a node: node guardian, node registry (cluster membership), query manager,
 * query, stage and task actors, and the task manager. May use every runtime package below it and Akka;
 * only {@code actor.serialization} uses Kryo.
 */
package io.quarry.actor;
