package io.quarry.actor.serialization;

import static java.util.Objects.requireNonNull;

import akka.actor.typed.ActorRef;
import akka.actor.typed.ActorRefResolver;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.function.Supplier;

/**
 * Writes a typed {@link ActorRef} as its serialization format (a path with address and uid) and resolves it
 * back. The resolver is looked up on first use: Akka builds serializers before the typed system is ready.
 */
final class ActorRefSerializer extends Serializer<ActorRef<?>> {
    private final Supplier<ActorRefResolver> resolverLookup;
    private volatile ActorRefResolver resolver;

    ActorRefSerializer(Supplier<ActorRefResolver> resolverLookup) {
        this.resolverLookup = requireNonNull(resolverLookup, "resolverLookup is null");
        setImmutable(true);
    }

    @Override
    public void write(Kryo kryo, Output output, ActorRef<?> ref) {
        output.writeString(resolver().toSerializationFormat(ref));
    }

    @Override
    public ActorRef<?> read(Kryo kryo, Input input, Class<? extends ActorRef<?>> type) {
        return resolver().resolveActorRef(input.readString());
    }

    private ActorRefResolver resolver() {
        ActorRefResolver current = resolver;
        if (current == null) {
            current = resolverLookup.get();
            resolver = current;
        }
        return current;
    }
}
