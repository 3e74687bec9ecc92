package io.quarry.exec;

import io.quarry.plan.PlanNode;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the nodes of a fragment's plan tree in preorder (the root is 0, a node's sources follow it left to right):
 * workers tag operators with these ids and the coordinator renders EXPLAIN ANALYZE by them, both from the same tree.
 */
public final class PlanNodeIds {
    private PlanNodeIds() {}

    /** The nodes of the tree in preorder: a node's id is its index. */
    public static List<PlanNode> preorder(PlanNode root) {
        List<PlanNode> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    /** Each node of the tree (by identity) with its preorder id; a node object found twice keeps its first id. */
    public static Map<PlanNode, Integer> assign(PlanNode root) {
        Map<PlanNode, Integer> ids = new IdentityHashMap<>();
        List<PlanNode> nodes = preorder(root);
        for (int id = 0; id < nodes.size(); id++) {
            ids.putIfAbsent(nodes.get(id), id);
        }
        return ids;
    }

    private static void collect(PlanNode node, List<PlanNode> nodes) {
        nodes.add(node);
        for (PlanNode source : node.sources()) {
            collect(source, nodes);
        }
    }
}
