package io.quarry.actor;

import akka.actor.NoSerializationVerificationNeeded;

/**
 * Marks messages that never leave the JVM (replies to HTTP asks, stream handles, page references inside one
 * node), so that {@code akka.actor.serialize-messages = on} in tests does not demand a serializer for them.
 */
public interface LocalOnly extends NoSerializationVerificationNeeded {}
