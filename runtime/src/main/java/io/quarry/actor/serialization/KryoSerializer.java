package io.quarry.actor.serialization;

import akka.actor.ExtendedActorSystem;
import akka.actor.typed.ActorRefResolver;
import akka.actor.typed.javadsl.Adapter;
import akka.serialization.JSerializer;
import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigUtil;
import java.util.Map;
import java.util.TreeMap;

/**
 * Akka's serializer for {@link io.quarry.actor.ClusterMessage}s: Kryo with registration required, every
 * class from {@link KryoRegistrations}. Kryo instances are not thread-safe and are kept in a pool.
 */
public final class KryoSerializer extends JSerializer {
    /** Fixed forever: Akka writes it beside every message to pick the serializer (0–40 are Akka's). */
    public static final int IDENTIFIER = 47_110_001;

    /** Configuration of classes beyond {@link KryoRegistrations}' table; every node needs the same entries. */
    public static final String ADDITIONAL_REGISTRATIONS = "akka.serialization.quarry-kryo.additional-registrations";

    private static final int INITIAL_BUFFER_BYTES = 256;

    private final Pool<Kryo> pool;

    public KryoSerializer(ExtendedActorSystem system) {
        ActorRefSerializer actorRefs = new ActorRefSerializer(() -> ActorRefResolver.get(Adapter.toTyped(system)));
        Map<Integer, Class<?>> additional = additionalRegistrations(system);
        this.pool = new Pool<>(true, false) {
            @Override
            protected Kryo create() {
                return KryoRegistrations.newKryo(actorRefs, additional);
            }
        };
        // Fail at start, not on the first message, if the table or the configuration is wrong.
        pool.free(pool.obtain());
    }

    /** The classes of {@value #ADDITIONAL_REGISTRATIONS}: {@code "class name" = id}. */
    private static Map<Integer, Class<?>> additionalRegistrations(ExtendedActorSystem system) {
        Config config = system.settings().config();
        if (!config.hasPath(ADDITIONAL_REGISTRATIONS)) {
            return Map.of();
        }
        Map<Integer, Class<?>> classes = new TreeMap<>();
        Config entries = config.getConfig(ADDITIONAL_REGISTRATIONS);
        for (String className : config.getObject(ADDITIONAL_REGISTRATIONS).keySet()) {
            int id = entries.getInt(ConfigUtil.joinPath(className));
            try {
                Class<?> type = Class.forName(className, false, system.dynamicAccess().classLoader());
                if (classes.put(id, type) != null) {
                    throw new IllegalArgumentException(ADDITIONAL_REGISTRATIONS + " uses id " + id + " twice");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(ADDITIONAL_REGISTRATIONS + " names an unknown class " + className, e);
            }
        }
        return classes;
    }

    @Override
    public int identifier() {
        return IDENTIFIER;
    }

    @Override
    public boolean includeManifest() {
        return false;
    }

    @Override
    public byte[] toBinary(Object message) {
        Kryo kryo = pool.obtain();
        try {
            Output output = new Output(INITIAL_BUFFER_BYTES, -1);
            kryo.writeClassAndObject(output, message);
            return output.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            // Kryo reports an unregistered class with an IllegalArgumentException.
            throw new IllegalArgumentException(
                    "Cannot serialize " + message.getClass().getName() + " (is every class it holds in KryoRegistrations?): "
                            + e.getMessage(),
                    e);
        } finally {
            pool.free(kryo);
        }
    }

    @Override
    public Object fromBinaryJava(byte[] bytes, Class<?> manifest) {
        Kryo kryo = pool.obtain();
        try {
            return kryo.readClassAndObject(new Input(bytes));
        } finally {
            pool.free(kryo);
        }
    }
}
