package io.quarry.http.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.WritableTypeId;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.quarry.connector.memory.MemorySplit;
import io.quarry.connector.system.SystemSplit;
import io.quarry.connector.tpch.TpchSplit;
import io.quarry.plan.PlanNode;
import io.quarry.plan.expression.Constant;
import io.quarry.plan.expression.Expression;
import io.quarry.spi.QueryId;
import io.quarry.spi.Split;
import io.quarry.type.Type;
import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Jackson configuration for plan records. Records are written by their components; a member of a sealed
 * hierarchy ({@link PlanNode}, {@link Expression}, {@link Type}) or a connector's {@link Split} carries its kind
 * in {@code "@type"} (the record's simple name, or the connector's name for splits). Reading is strict: an
 * unknown field or kind, or a value a record's constructor refuses, is an error naming it.
 */
public final class PlanJson {
    /** The split records of the built-in connectors, by the name a task update gives them. */
    private static final Map<String, Class<? extends Split>> SPLITS =
            Map.of("tpch", TpchSplit.class, "system", SystemSplit.class, "memory", MemorySplit.class);

    private static final ObjectMapper MAPPER = createMapper();

    private PlanJson() {}

    /** The shared mapper; thread-safe, do not reconfigure. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** What is wrong with a JSON document, for a 400: the problem and where, without the parser's internals. */
    public static String describe(JsonProcessingException e) {
        String problem = e.getOriginalMessage();
        int newline = problem.indexOf('\n');
        problem = (newline < 0 ? problem : problem.substring(0, newline)).replaceAll(" \\(set [^)]*\\)", "");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problem + " (at " + mapping.getPathReference().replaceAll("[a-zA-Z0-9_.$]+\\.([A-Za-z0-9_$]+)\\[", "$1[") + ")";
        }
        return problem;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface Polymorphic {}

    private static ObjectMapper createMapper() {
        SimpleModule module = new SimpleModule("quarry-plan");
        module.addSerializer(Constant.class, new ConstantSerializer());
        module.addDeserializer(Constant.class, new ConstantDeserializer());
        module.addSerializer(ZoneId.class, new ToStringSerializer<>(ZoneId.class));
        module.addDeserializer(ZoneId.class, new FromStringDeserializer<>(ZoneId.class, ZoneId::of));
        module.addSerializer(QueryId.class, new ToStringSerializer<>(QueryId.class));
        module.addDeserializer(QueryId.class, new FromStringDeserializer<>(QueryId.class, QueryId::valueOf));
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(module)
                .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(MapperFeature.AUTO_DETECT_GETTERS, MapperFeature.AUTO_DETECT_IS_GETTERS)
                .addMixIn(PlanNode.class, Polymorphic.class)
                .addMixIn(Expression.class, Polymorphic.class)
                .addMixIn(Type.class, Polymorphic.class)
                .addMixIn(Split.class, Polymorphic.class)
                .build();
        for (Class<?> root : List.of(PlanNode.class, Expression.class, Type.class)) {
            mapper.registerSubtypes(sealedMembers(root).stream().map(member -> new NamedType(member, member.getSimpleName()))
                    .toArray(NamedType[]::new));
        }
        SPLITS.forEach((name, type) -> mapper.registerSubtypes(new NamedType(type, name)));
        return mapper;
    }

    /** The records of a sealed hierarchy, through nested sealed interfaces. */
    static List<Class<?>> sealedMembers(Class<?> root) {
        List<Class<?>> members = new ArrayList<>();
        for (Class<?> permitted : root.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                members.addAll(sealedMembers(permitted));
            } else {
                members.add(permitted);
            }
        }
        return members;
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        private final Class<T> type;

        ToStringSerializer(Class<T> type) {
            this.type = type;
        }

        @Override
        public Class<T> handledType() {
            return type;
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    private static final class FromStringDeserializer<T> extends JsonDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parser;

        FromStringDeserializer(Class<T> type, Function<String, T> parser) {
            this.type = type;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            if (text == null) {
                return context.reportInputMismatch(type, "Expected a string for %s", type.getSimpleName());
            }
            try {
                return this.parser.apply(text);
            } catch (RuntimeException e) {
                return context.reportInputMismatch(type, "Invalid %s: %s", type.getSimpleName(), text);
            }
        }
    }

    /** {@code {"type": …, "<kind>": value}}: the kind names the literal's Java form, absent for NULL. */
    private static final class ConstantSerializer extends JsonSerializer<Constant> {
        @Override
        public void serialize(Constant constant, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeStartObject();
            writeFields(constant, generator, provider);
            generator.writeEndObject();
        }

        @Override
        public void serializeWithType(
                Constant constant, JsonGenerator generator, SerializerProvider provider, TypeSerializer typeSerializer)
                throws IOException {
            WritableTypeId typeId = typeSerializer.writeTypePrefix(
                    generator, typeSerializer.typeId(constant, JsonToken.START_OBJECT));
            writeFields(constant, generator, provider);
            typeSerializer.writeTypeSuffix(generator, typeId);
        }

        private static void writeFields(Constant constant, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeFieldName("type");
            // Written as a Type, with its kind, whatever record it is.
            provider.findValueSerializer(constant.type().getClass()).serializeWithType(
                    constant.type(), generator, provider, provider.findTypeSerializer(provider.constructType(Type.class)));
            ConstantValues.write(constant.value(), generator);
        }
    }

    private static final class ConstantDeserializer extends JsonDeserializer<Constant> {
        @Override
        public Constant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode node = context.readTree(parser);
            if (!node.isObject() || !node.has("type")) {
                return context.reportInputMismatch(Constant.class, "A constant needs its \"type\"");
            }
            Type type = context.readTreeAsValue(node.get("type"), Type.class);
            return new Constant(ConstantValues.read(node, context), type);
        }
    }
}
