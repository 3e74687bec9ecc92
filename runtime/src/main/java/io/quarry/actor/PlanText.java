package io.quarry.actor;

import io.quarry.plan.PlanFragment;
import io.quarry.plan.PlanNode;
import io.quarry.type.Type;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders Quarry's plan as the text of {@code EXPLAIN}: one line per node with its properties and output
 * types, sources indented below it; a distributed plan fragment by fragment, with each fragment's
 * distribution, output exchange and source fragments.
 */
final class PlanText {
    private static final int MAX_PROPERTY_LENGTH = 300;

    /** Extra lines of EXPLAIN ANALYZE: under a fragment's header, and under a node's layout. */
    interface Annotations {
        Annotations NONE = new Annotations() {
            @Override
            public List<String> fragment(PlanFragment fragment) {
                return List.of();
            }

            @Override
            public List<String> node(PlanFragment fragment, int planNodeId) {
                return List.of();
            }
        };

        List<String> fragment(PlanFragment fragment);

        /** Lines about the node of the fragment with this preorder id ({@code exec.PlanNodeIds}). */
        List<String> node(PlanFragment fragment, int planNodeId);
    }

    private PlanText() {}

    static String logical(PlanNode root) {
        StringBuilder text = new StringBuilder();
        node(root, "", "", text, null, Annotations.NONE, new int[1]);
        return text.toString();
    }

    static String distributed(List<PlanFragment> fragments) {
        return distributed(fragments, Annotations.NONE);
    }

    static String distributed(List<PlanFragment> fragments, Annotations annotations) {
        StringBuilder text = new StringBuilder();
        for (PlanFragment fragment : fragments) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append("Fragment ").append(fragment.id()).append(" [").append(fragment.distribution()).append("]\n");
            annotations.fragment(fragment).forEach(line -> text.append("    ").append(line).append('\n'));
            text.append("    Output partitioning: ").append(fragment.outputKind()).append(' ')
                    .append(fragment.outputPartitionKeys()).append('\n');
            if (!fragment.sourceFragments().isEmpty()) {
                text.append("    Source fragments: ").append(fragment.sourceFragments()).append('\n');
            }
            node(fragment.root(), "    ", "    ", text, fragment, annotations, new int[1]);
        }
        return text.toString();
    }

    private static void node(
            PlanNode node, String firstIndent, String indent, StringBuilder text, PlanFragment fragment, Annotations annotations,
            int[] nextId) {
        int id = nextId[0]++;
        text.append(firstIndent).append(node.getClass().getSimpleName()).append('[')
                .append(String.join(", ", properties(node))).append("]\n");
        List<PlanNode> sources = node.sources();
        String detailIndent = indent + (sources.isEmpty() ? "    " : "│   ");
        text.append(detailIndent).append("Layout: ").append(node.outputTypes().stream().map(Type::displayName).toList())
                .append('\n');
        if (fragment != null) {
            annotations.node(fragment, id).forEach(line -> text.append(detailIndent).append(line).append('\n'));
        }
        for (int i = 0; i < sources.size(); i++) {
            boolean last = i == sources.size() - 1;
            node(sources.get(i), indent + (last ? "└─ " : "├─ "), indent + (last ? "   " : "│  "), text, fragment, annotations, nextId);
        }
    }

    /** The node's record components other than its sources, as {@code name = value}. */
    private static List<String> properties(PlanNode node) {
        List<String> properties = new ArrayList<>();
        for (RecordComponent component : node.getClass().getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + node.getClass(), e);
            }
            if (value instanceof PlanNode || value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof PlanNode) {
                continue;
            }
            String shown = String.valueOf(value);
            if (shown.length() > MAX_PROPERTY_LENGTH) {
                shown = shown.substring(0, MAX_PROPERTY_LENGTH) + "…";
            }
            properties.add(component.getName() + " = " + shown);
        }
        return properties;
    }
}
