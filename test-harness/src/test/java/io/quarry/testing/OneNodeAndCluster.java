package io.quarry.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A suite whose cases each run on one node and on a coordinator with two workers ({@code @MethodSource("clusters")}),
 * both started once for the class.
 */
abstract class OneNodeAndCluster {
    private static QuarryCluster singleNode;
    private static QuarryCluster cluster;

    @BeforeAll
    static void startBoth() {
        singleNode = QuarryCluster.singleNode();
        cluster = QuarryCluster.withWorkers(2);
    }

    @AfterAll
    static void stopBoth() {
        if (singleNode != null) {
            singleNode.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    static Stream<String> clusters() {
        return Stream.of("single node", "coordinator and 2 workers");
    }

    /** A client of the named set-up, on a catalog and schema. */
    static StatementClient client(String which, String catalog, String schema) {
        return (which.equals("single node") ? singleNode : cluster).client(catalog, schema);
    }

    /** Runs a statement that must finish without error. */
    static StatementClient.Result ok(StatementClient client, String sql) {
        StatementClient.Result result = client.execute(sql);
        assertThat(result.error()).as("error of %s", sql).isEmpty();
        assertThat(result.state()).isEqualTo("FINISHED");
        return result;
    }
}
