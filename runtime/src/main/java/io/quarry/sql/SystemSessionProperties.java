package io.quarry.sql;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;
import io.quarry.spi.Session;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The system session properties Quarry knows, with Trino's names, types, defaults and descriptions, and
 * their validation ({@code SET SESSION}, client headers) and typed reading.
 */
public final class SystemSessionProperties {
    public static final String QUERY_MAX_RUN_TIME = "query_max_run_time";
    public static final String QUERY_MAX_EXECUTION_TIME = "query_max_execution_time";
    public static final String QUERY_MAX_MEMORY = "query_max_memory";
    public static final String QUERY_MAX_MEMORY_PER_NODE = "query_max_memory_per_node";
    public static final String JOIN_DISTRIBUTION_TYPE = "join_distribution_type";
    public static final String RETRY_POLICY = "retry_policy";
    public static final String HASH_PARTITION_COUNT = "hash_partition_count";
    public static final String ENABLE_DYNAMIC_FILTERING = "enable_dynamic_filtering";
    public static final String MAX_RECURSION_DEPTH = "max_recursion_depth";
    public static final String DYNAMIC_FILTERING_WAIT_TIMEOUT = "dynamic_filtering_wait_timeout";
    public static final String RETRY_BUFFER_MAX_SIZE = "retry_buffer_max_size";
    /** Set by SET TIME ZONE (hidden, as in Trino): the session's zone instead of the client's Time-Zone header. */
    public static final String TIME_ZONE_ID = "time_zone_id";


    private record Property(PropertyDescriptor descriptor, UnaryOperator<String> normalizer) {}

    private static final Map<String, Property> PROPERTIES = new LinkedHashMap<>();

    static {
        add(new PropertyDescriptor(QUERY_MAX_RUN_TIME, "varchar", "100.00d",
                "Maximum run time of a query (includes the queueing time)", false), SystemSessionProperties::duration);
        add(new PropertyDescriptor(QUERY_MAX_EXECUTION_TIME, "varchar", "100.00d",
                "Maximum execution time of a query", false), SystemSessionProperties::duration);
        add(new PropertyDescriptor(QUERY_MAX_MEMORY, "varchar", "20GB",
                "Maximum amount of distributed memory a query can use", false), SystemSessionProperties::dataSize);
        // Its default is each node's query.max-memory-per-node; the property can only lower that limit.
        add(new PropertyDescriptor(QUERY_MAX_MEMORY_PER_NODE, "varchar", "1PB",
                "Maximum amount of memory a query can use on one node", false), SystemSessionProperties::dataSize);
        add(new PropertyDescriptor(JOIN_DISTRIBUTION_TYPE, "varchar", "AUTOMATIC",
                "Join distribution type. Possible values: [BROADCAST, PARTITIONED, AUTOMATIC]", false),
                value -> oneOf(value, List.of("BROADCAST", "PARTITIONED", "AUTOMATIC")));
        add(new PropertyDescriptor(RETRY_POLICY, "varchar", "TASK",
                "Retry policy. Possible values: [NONE, QUERY, TASK]", false),
                value -> oneOf(value, List.of("NONE", "QUERY", "TASK")));
        add(new PropertyDescriptor(HASH_PARTITION_COUNT, "integer", "100",
                "Number of partitions for distributed joins and aggregations", false),
                SystemSessionProperties::positiveInteger);
        add(new PropertyDescriptor(RETRY_BUFFER_MAX_SIZE, "varchar", "32MB",
                "With retry_policy TASK: the most each task keeps for re-runs of lost tasks (its output, its producers'"
                        + " pages); past it the task streams and such a loss fails the query", false),
                SystemSessionProperties::dataSize);
        add(new PropertyDescriptor(ENABLE_DYNAMIC_FILTERING, "boolean", "true",
                "Enable dynamic filtering", false), SystemSessionProperties::bool);
        add(new PropertyDescriptor(DYNAMIC_FILTERING_WAIT_TIMEOUT, "varchar", "1.00s",
                "Maximum time a table scan feeding partitioned joins waits for their dynamic filters", false),
                SystemSessionProperties::duration);
        add(new PropertyDescriptor(TIME_ZONE_ID, "varchar", "UTC", "The session's time zone", true), value -> zoneId(value).getId());
        add(new PropertyDescriptor(MAX_RECURSION_DEPTH, "integer", "10",
                "Maximum recursion depth for recursive common table expression", false),
                SystemSessionProperties::positiveInteger);
    }

    private SystemSessionProperties() {}

    private static void add(PropertyDescriptor descriptor, UnaryOperator<String> normalizer) {
        PROPERTIES.put(descriptor.name(), new Property(descriptor, normalizer));
    }

    /** Every known property, in a stable order. */
    public static List<PropertyDescriptor> all() {
        return PROPERTIES.values().stream().map(Property::descriptor).toList();
    }

    public static Optional<PropertyDescriptor> descriptor(String name) {
        Property property = PROPERTIES.get(name);
        return property == null ? Optional.empty() : Optional.of(property.descriptor());
    }

    /**
     * Checks a value for a property and returns it in normal form (enum values upper case).
     *
     * @throws QuarryException {@code INVALID_SESSION_PROPERTY} for an unknown property or a bad value
     */
    public static String validate(String name, String value) {
        Property property = PROPERTIES.get(name);
        if (property == null) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' does not exist");
        }
        if (value == null) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' must not be null");
        }
        try {
            return property.normalizer().apply(value);
        } catch (IllegalArgumentException e) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY,
                    "'" + value + "' is invalid for property '" + name + "': " + e.getMessage());
        }
    }

    /** A zone id or offset as SET TIME ZONE takes it; IllegalArgumentException naming it when Java knows no such zone. */
    public static ZoneId zoneId(String text) {
        try {
            return ZoneId.of(text.strip());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("Time zone not supported: " + text);
        }
    }

    /** The zone a query runs in: the one SET TIME ZONE put in its properties, else the client's. */
    public static ZoneId effectiveZone(ZoneId clientZone, Map<String, String> properties) {
        String zone = properties.get(TIME_ZONE_ID);
        if (zone == null) {
            return clientZone;
        }
        try {
            return zoneId(zone);
        } catch (IllegalArgumentException e) {
            return clientZone; // the statement's planning refuses the property with its error
        }
    }

    /** The value of a property in a session, or its default. */
    public static String value(Session session, String name) {
        Property property = PROPERTIES.get(name);
        if (property == null) {
            throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + name + "' does not exist");
        }
        return session.systemProperty(name).map(value -> validate(name, value)).orElse(property.descriptor().defaultValue());
    }

    public static Duration queryMaxRunTime(Session session) {
        return parseDuration(value(session, QUERY_MAX_RUN_TIME));
    }

    public static Duration queryMaxExecutionTime(Session session) {
        return parseDuration(value(session, QUERY_MAX_EXECUTION_TIME));
    }

    /** In bytes. */
    public static long queryMaxMemory(Session session) {
        return parseDataSize(value(session, QUERY_MAX_MEMORY));
    }

    /** In bytes; {@code Long.MAX_VALUE} when the session does not set it (the node's limit then applies). */
    public static long queryMaxMemoryPerNode(Session session) {
        return session.systemProperty(QUERY_MAX_MEMORY_PER_NODE).isPresent()
                ? parseDataSize(value(session, QUERY_MAX_MEMORY_PER_NODE))
                : Long.MAX_VALUE;
    }

    public static String joinDistributionType(Session session) {
        return value(session, JOIN_DISTRIBUTION_TYPE);
    }

    public static String retryPolicy(Session session) {
        return value(session, RETRY_POLICY);
    }

    public static int maxRecursionDepth(Session session) {
        return Integer.parseInt(value(session, MAX_RECURSION_DEPTH));
    }

    public static int hashPartitionCount(Session session) {
        return Integer.parseInt(value(session, HASH_PARTITION_COUNT));
    }

    /** Parses a duration as Trino writes it: {@code 10m}, {@code 1.5h}, {@code 30s}, {@code 100ms}, {@code 2d}. */
    public static Duration parseDuration(String text) {
        return Durations.parse(text.trim());
    }

    /** Parses a data size as Trino writes it: {@code 1GB}, {@code 512MB}, {@code 100kB}, {@code 10B}. */
    public static long parseDataSize(String text) {
        return DataSizes.parseBytes(text.trim());
    }

    private static String duration(String value) {
        parseDuration(value);
        return value.trim();
    }

    private static String dataSize(String value) {
        parseDataSize(value);
        return value.trim();
    }

    private static String oneOf(String value, List<String> allowed) {
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(normalized)) {
            throw new IllegalArgumentException("must be one of " + allowed);
        }
        return normalized;
    }

    private static String bool(String value) {
        String normalized = value.trim().toLowerCase(Locale.ROOT);
        if (!normalized.equals("true") && !normalized.equals("false")) {
            throw new IllegalArgumentException("must be true or false");
        }
        return normalized;
    }

    /** In bytes. */
    public static long retryBufferMaxSize(Session session) {
        return parseDataSize(value(session, RETRY_BUFFER_MAX_SIZE));
    }

    public static Duration dynamicFilteringWaitTimeout(Session session) {
        return parseDuration(value(session, DYNAMIC_FILTERING_WAIT_TIMEOUT));
    }

    public static boolean enableDynamicFiltering(Session session) {
        return Boolean.parseBoolean(value(session, ENABLE_DYNAMIC_FILTERING));
    }

    private static String positiveInteger(String value) {
        int number;
        try {
            number = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
        if (number <= 0) {
            throw new IllegalArgumentException("must be positive");
        }
        return Integer.toString(number);
    }
}
