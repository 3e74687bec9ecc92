package io.quarry.sql;

import static java.util.Objects.requireNonNull;

import io.quarry.spi.ConnectorMetadata;
import io.quarry.spi.Session;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The plans of recent statements, reused when the same text is planned again in an equivalent session while
 * every catalog the plan read still has the metadata version it had before planning read it. Plans are immutable
 * records, so one plan serves any number of queries. A plan is only stored when every catalog it read has versions
 * ({@link ConnectorMetadata#metadataVersion()}) and it holds no value of the statement's start time
 * ({@code now()}, {@code current_date}). Thread-safe; least recently used plans go first.
 */
final class PlanCache {
    /** Longer statements (long VALUES lists) are not kept: their plans are large and rarely repeated. */
    static final int MAX_SQL_LENGTH = 16 * 1024;

    /** Everything of a statement and its session that planning reads, besides the catalogs. */
    record Key(
            String sql,
            Optional<String> catalog,
            Optional<String> schema,
            String user,
            ZoneId timeZone,
            String locale,
            Map<String, String> systemProperties,
            Map<String, Map<String, String>> catalogProperties) {
        Key {
            requireNonNull(sql, "sql is null");
            requireNonNull(catalog, "catalog is null");
            requireNonNull(schema, "schema is null");
            requireNonNull(user, "user is null");
            requireNonNull(timeZone, "timeZone is null");
            requireNonNull(locale, "locale is null");
            systemProperties = Map.copyOf(systemProperties);
            catalogProperties = Map.copyOf(catalogProperties);
        }

        static Key of(String sql, Session session) {
            return new Key(sql, session.catalog(), session.schema(), session.user(), session.timeZone(), session.locale(),
                    session.systemProperties(), session.catalogProperties());
        }
    }

    /** A catalog a plan read: its metadata object (a catalog replaced by another is another) and version. */
    record CatalogVersion(String catalog, ConnectorMetadata metadata, long version) {
        CatalogVersion {
            requireNonNull(catalog, "catalog is null");
            requireNonNull(metadata, "metadata is null");
        }

        boolean isCurrent(MetadataProvider provider) {
            Optional<ConnectorMetadata> current = provider.catalog(catalog);
            return current.isPresent()
                    && current.get() == metadata
                    && metadata.metadataVersion().equals(OptionalLong.of(version));
        }
    }

    private record Entry(QueryPlan plan, Set<String> catalogNames, List<CatalogVersion> versions) {}

    private final int capacity;
    private final Map<Key, Entry> entries;

    PlanCache(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity is negative: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > PlanCache.this.capacity;
            }
        };
    }

    /** Whether a statement of this text may be kept at all. */
    boolean accepts(String sql) {
        return capacity > 0 && sql.length() <= MAX_SQL_LENGTH;
    }

    /** The stored plan of {@code key}, if every catalog it read is unchanged; a stale plan is dropped. */
    Optional<QueryPlan> get(Key key, MetadataProvider metadata) {
        if (capacity == 0) {
            return Optional.empty();
        }
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.catalogNames().equals(metadata.catalogNames())
                && entry.versions().stream().allMatch(version -> version.isCurrent(metadata))) {
            return Optional.of(entry.plan());
        }
        synchronized (entries) {
            entries.remove(key, entry);
        }
        return Optional.empty();
    }

    /**
     * Keeps {@code plan} for {@code key}: {@code catalogNames} and {@code versions} must have been taken before
     * planning read the catalogs, so that a change made meanwhile makes the plan stale rather than wrong.
     */
    void put(Key key, QueryPlan plan, Set<String> catalogNames, List<CatalogVersion> versions) {
        if (!accepts(key.sql())) {
            return;
        }
        Entry entry = new Entry(requireNonNull(plan, "plan is null"), Set.copyOf(catalogNames), List.copyOf(versions));
        synchronized (entries) {
            entries.put(key, entry);
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
