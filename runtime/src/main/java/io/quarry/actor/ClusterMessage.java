package io.quarry.actor;

/**
 * Marks messages that may cross nodes. Bound to Quarry's Kryo serializer in {@code reference.conf}; every
 * implementing class (and every class it holds) must be in {@code KryoRegistrations}.
 */
public interface ClusterMessage {}
