package io.quarry.connector.tpch;

import io.trino.tpch.CustomerGenerator;
import io.trino.tpch.GenerateUtils;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.PartGenerator;
import io.trino.tpch.SupplierGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Row counts and per-column distinct counts of the TPC-H tables, keyed by simplified column name. Row
 * counts are exact (lineitem's for the scale factors the TPC-H specification lists; elsewhere the expected
 * four lines per order). Distinct counts follow the specification's value domains; they only need to be
 * good enough for join ordering.
 */
final class TpchStatistics {
    private static final int PART_SUPPLIERS_PER_PART = 4;
    private static final double LINES_PER_ORDER = 4.0;

    /** Lineitem cardinalities by scale factor: the generator's exact counts (TPC-H specification 4.2.5). */
    private static final Map<Double, Long> LINEITEM_ROWS = Map.of(
            0.01, 60_175L,
            1.0, 6_001_215L,
            10.0, 59_986_052L,
            30.0, 179_998_372L,
            100.0, 600_037_902L,
            300.0, 1_799_989_091L,
            1000.0, 5_999_989_709L,
            3000.0, 18_000_048_306L,
            10000.0, 59_999_994_267L,
            30000.0, 179_999_978_268L);

    // Value domains from the specification's generation rules.
    private static final double DAYS_OF_ORDER_DATES = 2406;
    private static final double ACCOUNT_BALANCES = 1_099_999;
    private static final double SUPPLY_COSTS = 99_901;

    private TpchStatistics() {}

    static double rowCount(String table, double scaleFactor) {
        return switch (table) {
            case "customer" -> base(CustomerGenerator.SCALE_BASE, scaleFactor);
            case "orders" -> base(OrderGenerator.SCALE_BASE, scaleFactor);
            case "part" -> base(PartGenerator.SCALE_BASE, scaleFactor);
            case "supplier" -> base(SupplierGenerator.SCALE_BASE, scaleFactor);
            case "partsupp" -> PART_SUPPLIERS_PER_PART * base(PartGenerator.SCALE_BASE, scaleFactor);
            case "lineitem" -> {
                Long known = LINEITEM_ROWS.get(scaleFactor);
                yield known != null ? known : Math.rint(LINES_PER_ORDER * base(OrderGenerator.SCALE_BASE, scaleFactor));
            }
            case "nation" -> 25;
            case "region" -> 5;
            default -> throw new IllegalArgumentException("not a TPC-H table: " + table);
        };
    }

    /** The primary keys the TPC-H specification defines (clause 1.4.2), by column name. */
    static List<List<String>> primaryKeys(String table) {
        return switch (table) {
            case "region" -> List.of(List.of("regionkey"));
            case "nation" -> List.of(List.of("nationkey"));
            case "part" -> List.of(List.of("partkey"));
            case "supplier" -> List.of(List.of("suppkey"));
            case "customer" -> List.of(List.of("custkey"));
            case "orders" -> List.of(List.of("orderkey"));
            case "partsupp" -> List.of(List.of("partkey", "suppkey"));
            case "lineitem" -> List.of(List.of("orderkey", "linenumber"));
            default -> List.of();
        };
    }

    /** Distinct values per simplified column name, each at most the table's row count. */
    static Map<String, Double> distinctValues(String table, double scaleFactor) {
        double rows = rowCount(table, scaleFactor);
        double customers = rowCount("customer", scaleFactor);
        double orders = rowCount("orders", scaleFactor);
        double parts = rowCount("part", scaleFactor);
        double suppliers = rowCount("supplier", scaleFactor);
        Map<String, Double> counts = new LinkedHashMap<>();
        switch (table) {
            case "customer" -> {
                put(counts, rows, "custkey", rows, "name", rows, "address", rows, "nationkey", 25, "phone", rows);
                put(counts, rows, "acctbal", ACCOUNT_BALANCES, "mktsegment", 5, "comment", rows);
            }
            case "orders" -> {
                // A third of the customers never order (the specification's customer mortality).
                put(counts, rows, "orderkey", rows, "custkey", customers * 2 / 3, "orderstatus", 3, "totalprice", rows);
                put(counts, rows, "orderdate", DAYS_OF_ORDER_DATES, "orderpriority", 5);
                put(counts, rows, "clerk", Math.max(1, Math.floor(1000 * scaleFactor)), "shippriority", 1, "comment", rows);
            }
            case "lineitem" -> {
                put(counts, rows, "orderkey", orders, "partkey", parts, "suppkey", suppliers, "linenumber", 7);
                put(counts, rows, "quantity", 50, "extendedprice", 1_000_000, "discount", 11, "tax", 9);
                put(counts, rows, "returnflag", 3, "linestatus", 2, "shipdate", 2526, "commitdate", 2466);
                put(counts, rows, "receiptdate", 2554, "shipinstruct", 4, "shipmode", 7, "comment", rows);
            }
            case "part" -> {
                put(counts, rows, "partkey", rows, "name", rows, "mfgr", 5, "brand", 25, "type", 150, "size", 50);
                put(counts, rows, "container", 40, "retailprice", 20_899, "comment", rows);
            }
            case "partsupp" -> put(
                    counts, rows, "partkey", parts, "suppkey", suppliers, "availqty", 9999, "supplycost", SUPPLY_COSTS,
                    "comment", rows);
            case "supplier" -> {
                put(counts, rows, "suppkey", rows, "name", rows, "address", rows, "nationkey", 25, "phone", rows);
                put(counts, rows, "acctbal", ACCOUNT_BALANCES, "comment", rows);
            }
            case "nation" -> put(counts, rows, "nationkey", 25, "name", 25, "regionkey", 5, "comment", 25);
            case "region" -> put(counts, rows, "regionkey", 5, "name", 5, "comment", 5);
            default -> throw new IllegalArgumentException("not a TPC-H table: " + table);
        }
        return counts;
    }

    private static double base(int scaleBase, double scaleFactor) {
        return GenerateUtils.calculateRowCount(scaleBase, scaleFactor, 1, 1);
    }

    /** Puts name/count pairs, capping each count at the row count. */
    private static void put(Map<String, Double> counts, double rows, Object... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            double count = ((Number) pairs[i + 1]).doubleValue();
            counts.put((String) pairs[i], Math.min(count, rows));
        }
    }
}
