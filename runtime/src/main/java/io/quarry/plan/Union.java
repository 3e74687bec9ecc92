package io.quarry.plan;

import io.quarry.type.Type;
import java.util.List;

/**
 * All rows of every source (UNION ALL), as {@code types}. The sources have the same number of channels
 * and the same storage per channel.
 */
public record Union(List<PlanNode> sources, List<Type> types) implements PlanNode {
    public Union {
        sources = List.copyOf(sources);
        types = List.copyOf(types);
        if (sources.size() < 2) {
            throw new IllegalArgumentException("a union needs at least two sources");
        }
        for (PlanNode source : sources) {
            List<Type> sourceTypes = source.outputTypes();
            if (sourceTypes.size() != types.size()) {
                throw new IllegalArgumentException("union source has " + sourceTypes.size() + " channels, expected " + types.size());
            }
            for (int i = 0; i < types.size(); i++) {
                if (sourceTypes.get(i).storage() != types.get(i).storage()) {
                    throw new IllegalArgumentException("union source channel " + i + " is " + sourceTypes.get(i) + ", expected " + types.get(i));
                }
            }
        }
    }

    @Override
    public List<Type> outputTypes() {
        return types;
    }

    @Override
    public PlanNode replaceSources(List<PlanNode> newSources) {
        return new Union(newSources, types);
    }
}
