package io.quarry.actor;

import static java.util.Objects.requireNonNull;

import io.quarry.connector.CatalogEntry;
import io.quarry.connector.CatalogManager;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans statements shaped like TPC-H's (joins of many tables, correlated and EXISTS sub-queries, grouping, CASE,
 * LIKE, outer joins) against a private tpch catalog for a few rounds, so that the JIT has compiled the planner's
 * code before the first user statements come: planning a statement costs two to three times more after a few runs
 * than after a hundred. Bounded by rounds and by time; runs on the caller's thread.
 */
public final class PlannerWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(PlannerWarmUp.class);

    static final List<String> STATEMENTS = List.of(
            "SELECT returnflag, linestatus, sum(quantity), sum(extendedprice * (1 - discount) * (1 + tax)), avg(discount),"
                    + " count(*) FROM lineitem WHERE shipdate <= DATE '1998-12-01' - INTERVAL '90' DAY"
                    + " GROUP BY returnflag, linestatus ORDER BY returnflag, linestatus",
            "SELECT s.acctbal, s.name, n.name, p.partkey FROM part p, supplier s, partsupp ps, nation n, region r"
                    + " WHERE p.partkey = ps.partkey AND s.suppkey = ps.suppkey AND p.size = 15 AND p.type LIKE '%BRASS'"
                    + " AND s.nationkey = n.nationkey AND n.regionkey = r.regionkey AND r.name = 'EUROPE'"
                    + " AND ps.supplycost = (SELECT min(ps2.supplycost) FROM partsupp ps2, supplier s2, nation n2, region r2"
                    + " WHERE p.partkey = ps2.partkey AND s2.suppkey = ps2.suppkey AND s2.nationkey = n2.nationkey"
                    + " AND n2.regionkey = r2.regionkey AND r2.name = 'EUROPE')"
                    + " ORDER BY s.acctbal DESC, n.name, s.name LIMIT 100",
            "SELECT o.orderpriority, count(*) AS c FROM orders o WHERE o.orderdate >= DATE '1993-07-01'"
                    + " AND EXISTS (SELECT * FROM lineitem l WHERE l.orderkey = o.orderkey AND l.commitdate < l.receiptdate)"
                    + " GROUP BY o.orderpriority ORDER BY o.orderpriority",
            "SELECT n.name, sum(l.extendedprice * (1 - l.discount)) AS revenue FROM customer c, orders o, lineitem l,"
                    + " supplier s, nation n, region r WHERE c.custkey = o.custkey AND l.orderkey = o.orderkey"
                    + " AND l.suppkey = s.suppkey AND c.nationkey = s.nationkey AND s.nationkey = n.nationkey"
                    + " AND n.regionkey = r.regionkey AND r.name = 'ASIA' AND o.orderdate < DATE '1995-01-01'"
                    + " GROUP BY n.name ORDER BY revenue DESC",
            "SELECT year, sum(CASE WHEN nation = 'BRAZIL' THEN volume ELSE 0 END) / sum(volume) FROM ("
                    + "SELECT extract(YEAR FROM o.orderdate) AS year, l.extendedprice * (1 - l.discount) AS volume,"
                    + " n2.name AS nation FROM part p, supplier s, lineitem l, orders o, customer c, nation n1, nation n2"
                    + " WHERE p.partkey = l.partkey AND s.suppkey = l.suppkey AND l.orderkey = o.orderkey"
                    + " AND o.custkey = c.custkey AND c.nationkey = n1.nationkey AND s.nationkey = n2.nationkey"
                    + " AND o.orderdate BETWEEN DATE '1995-01-01' AND DATE '1996-12-31') AS all_nations"
                    + " GROUP BY year ORDER BY year",
            "SELECT c_count, count(*) FROM (SELECT c.custkey, count(o.orderkey) AS c_count FROM customer c"
                    + " LEFT OUTER JOIN orders o ON c.custkey = o.custkey AND o.comment NOT LIKE '%special%requests%'"
                    + " GROUP BY c.custkey) AS counts GROUP BY c_count ORDER BY 2 DESC, c_count DESC",
            "SELECT p.brand, p.type, count(DISTINCT ps.suppkey) FROM partsupp ps, part p WHERE p.partkey = ps.partkey"
                    + " AND p.size IN (49, 14, 23) AND ps.suppkey NOT IN (SELECT suppkey FROM supplier"
                    + " WHERE comment LIKE '%Customer%Complaints%') GROUP BY p.brand, p.type ORDER BY 3 DESC",
            "SELECT sum(l.extendedprice) / 7.0 FROM lineitem l, part p WHERE p.partkey = l.partkey"
                    + " AND l.quantity < (SELECT 0.2 * avg(l2.quantity) FROM lineitem l2 WHERE l2.partkey = p.partkey)",
            "SELECT c.name, o.orderkey, sum(l.quantity) FROM customer c, orders o, lineitem l"
                    + " WHERE o.orderkey IN (SELECT orderkey FROM lineitem GROUP BY orderkey HAVING sum(quantity) > 300)"
                    + " AND c.custkey = o.custkey AND o.orderkey = l.orderkey GROUP BY c.name, o.orderkey"
                    + " ORDER BY o.orderkey LIMIT 100",
            "SELECT sum(l.extendedprice * (1 - l.discount)) FROM lineitem l, part p WHERE (p.partkey = l.partkey"
                    + " AND p.brand = 'Brand#12' AND l.quantity BETWEEN 1 AND 11) OR (p.partkey = l.partkey"
                    + " AND p.brand = 'Brand#23' AND l.quantity BETWEEN 10 AND 20)",
            "SELECT s.name, count(*) FROM supplier s, lineitem l1, orders o WHERE s.suppkey = l1.suppkey"
                    + " AND o.orderkey = l1.orderkey AND o.orderstatus = 'F' AND EXISTS (SELECT * FROM lineitem l2"
                    + " WHERE l2.orderkey = l1.orderkey AND l2.suppkey <> l1.suppkey) AND NOT EXISTS (SELECT * FROM lineitem l3"
                    + " WHERE l3.orderkey = l1.orderkey AND l3.suppkey <> l1.suppkey AND l3.receiptdate > l3.commitdate)"
                    + " GROUP BY s.name ORDER BY 2 DESC, s.name LIMIT 100",
            "SELECT substr(phone, 1, 2) AS code, count(*), sum(acctbal) FROM customer WHERE acctbal > ("
                    + "SELECT avg(acctbal) FROM customer WHERE acctbal > 0.00) AND NOT EXISTS (SELECT * FROM orders o"
                    + " WHERE o.custkey = customer.custkey) GROUP BY substr(phone, 1, 2) ORDER BY code");

    private PlannerWarmUp() {}

    /**
     * Plans {@link #STATEMENTS} for at most {@code rounds} rounds or until {@code budget} has passed (checked
     * between statements), then logs what it did. Never throws for a statement that fails to plan: it logs it.
     */
    public static void run(int rounds, Duration budget) {
        requireNonNull(budget, "budget is null");
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        SqlStatementPlanner planner = new SqlStatementPlanner(
                CatalogManager.withBuiltInConnectors(List.of(new CatalogEntry("tpch", "tpch", Map.of()))), 0);
        Session session = new Session(QueryId.valueOf("20000101_000000_00000_jitwu"), "quarry", Optional.empty(),
                Optional.of("tpch"), Optional.of("sf1"), ZoneOffset.UTC, "en", Map.of(), Map.of(), 0);
        int planned = 0;
        int round = 0;
        outer:
        for (; round < rounds; round++) {
            for (String statement : STATEMENTS) {
                if (System.nanoTime() > deadline) {
                    break outer;
                }
                try {
                    planner.plan(statement, session);
                } catch (RuntimeException e) {
                    LOG.warn("Warm-up statement failed to plan: {}", statement, e);
                    return;
                }
                planned++;
            }
        }
        LOG.info("Planner warmed up with {} statements ({} rounds) in {} ms",
                planned, round, (System.nanoTime() - start) / 1_000_000);
    }
}
