package io.quarry.plan;

import static java.util.Objects.requireNonNull;

import io.quarry.type.ArrayType;
import io.quarry.type.MapType;
import io.quarry.type.RowType;
import io.quarry.type.Type;
import io.quarry.type.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * UNNEST, also lateral ({@code CROSS JOIN UNNEST(t.a)}): each source row becomes as many rows as its longest
 * unnested array or map has entries (shorter ones padded with NULL), or none when all are empty or NULL.
 * Output: the {@code replicateChannels}, then per unnested channel the element (a row element: its fields)
 * or the key and the value of a map entry, then the 1-based ordinality when {@code withOrdinality}. When
 * {@code outer} ({@code LEFT JOIN UNNEST(t.a) ON true}), a source row with nothing to unnest still gives one row,
 * its unnested columns and ordinality NULL.
 */
public record Unnest(PlanNode source, List<Integer> replicateChannels, List<Integer> unnestChannels, boolean withOrdinality,
        boolean outer) implements PlanNode {
    public Unnest {
        requireNonNull(source, "source is null");
        replicateChannels = List.copyOf(replicateChannels);
        unnestChannels = List.copyOf(unnestChannels);
        if (unnestChannels.isEmpty()) {
            throw new IllegalArgumentException("UNNEST needs at least one array or map");
        }
        for (int channel : unnestChannels) {
            Type type = source.outputTypes().get(channel);
            if (!(type instanceof ArrayType) && !(type instanceof MapType)) {
                throw new IllegalArgumentException("cannot unnest " + type);
            }
        }
    }

    /** An inner UNNEST: source rows with nothing to unnest give no rows. */
    public Unnest(PlanNode source, List<Integer> replicateChannels, List<Integer> unnestChannels, boolean withOrdinality) {
        this(source, replicateChannels, unnestChannels, withOrdinality, false);
    }

    /** The output columns one unnested array or map gives. */
    public static List<Type> unnestedTypes(Type type) {
        if (type instanceof MapType map) {
            return List.of(map.keyType(), map.valueType());
        }
        Type element = ((ArrayType) type).elementType();
        return element instanceof RowType row ? row.fieldTypes() : List.of(element);
    }

    @Override
    public List<PlanNode> sources() {
        return List.of(source);
    }

    @Override
    public List<Type> outputTypes() {
        List<Type> sourceTypes = source.outputTypes();
        List<Type> types = new ArrayList<>();
        for (int channel : replicateChannels) {
            types.add(sourceTypes.get(channel));
        }
        for (int channel : unnestChannels) {
            types.addAll(unnestedTypes(sourceTypes.get(channel)));
        }
        if (withOrdinality) {
            types.add(Types.BIGINT);
        }
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Unnest(newSources.get(0), replicateChannels, unnestChannels, withOrdinality, outer);
    }
}
