package io.quarry.examples.api;

import io.quarry.block.Values;
import io.quarry.client.ClientSession;
import io.quarry.client.QuarryNode;
import io.quarry.client.QueryRunner;
import io.quarry.client.ResultColumn;
import io.quarry.config.NodeConfig;
import io.quarry.page.Page;
import java.util.List;

/**
 * Runs SQL through Quarry's programmatic actor API, without HTTP: start a node, submit a statement, and
 * receive its result as columnar pages.
 */
public final class ProgrammaticQuery {
    private ProgrammaticQuery() {}

    public static void main(String[] args) throws Exception {
        String sql = args.length > 0
                ? String.join(" ", args)
                : "SELECT returnflag, linestatus, count(*) AS orders, sum(quantity) AS quantity "
                        + "FROM lineitem GROUP BY returnflag, linestatus ORDER BY 1, 2";
        // No HTTP server is started here; the node only needs its cluster port.
        NodeConfig config = NodeConfig.embeddedDefault().toBuilder().httpPort(0).build();
        try (QuarryNode node = QuarryNode.start(config).toCompletableFuture().get()) {
            ClientSession session = ClientSession.forUser("example").withCatalogSchema("tpch", "tiny");
            QueryRunner.CollectedResult result =
                    new QueryRunner(node.service()).collect(session, sql).toCompletableFuture().get();
            result.outcome().orThrow();
            List<ResultColumn> columns = result.outcome().columns();
            System.out.println(columns.stream().map(ResultColumn::name).toList());
            for (Page page : result.pages()) {
                for (int row = 0; row < page.positionCount(); row++) {
                    StringBuilder line = new StringBuilder();
                    for (int channel = 0; channel < columns.size(); channel++) {
                        line.append(channel == 0 ? "" : " | ")
                                .append(Values.toObject(columns.get(channel).type(), page.block(channel), row));
                    }
                    System.out.println(line);
                }
            }
            System.out.println(result.rowCount() + " rows; " + result.outcome().stats().processedRows()
                    + " rows read in " + result.outcome().stats().elapsedTimeMillis() + " ms");
        }
    }
}
