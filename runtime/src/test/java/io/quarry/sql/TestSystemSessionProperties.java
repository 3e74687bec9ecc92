package io.quarry.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.QueryId;
import io.quarry.spi.Session;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestSystemSessionProperties {
    @Test
    void knowsTrinosProperties() {
        assertThat(SystemSessionProperties.all()).extracting(PropertyDescriptor::name).contains(
                "query_max_run_time", "query_max_memory", "join_distribution_type", "retry_policy",
                "hash_partition_count", "query_max_execution_time");
        assertThat(SystemSessionProperties.descriptor("hash_partition_count").orElseThrow().type()).isEqualTo("integer");
        assertThat(SystemSessionProperties.all()).allSatisfy(property -> {
            assertThat(property.description()).isNotBlank();
            // every default is a valid value
            assertThat(SystemSessionProperties.validate(property.name(), property.defaultValue())).isNotNull();
        });
    }

    @Test
    void validatesValues() {
        assertThat(SystemSessionProperties.validate("query_max_run_time", "10m")).isEqualTo("10m");
        assertThat(SystemSessionProperties.validate("query_max_execution_time", "1.5h")).isEqualTo("1.5h");
        assertThat(SystemSessionProperties.validate("query_max_memory", "1GB")).isEqualTo("1GB");
        assertThat(SystemSessionProperties.validate("join_distribution_type", "broadcast")).isEqualTo("BROADCAST");
        assertThat(SystemSessionProperties.validate("retry_policy", "Task")).isEqualTo("TASK");
        assertThat(SystemSessionProperties.validate("hash_partition_count", "8")).isEqualTo("8");

        assertInvalid("query_max_run_time", "ten minutes", "is invalid for property 'query_max_run_time'");
        assertInvalid("query_max_run_time", "10x", "is invalid for property 'query_max_run_time'");
        assertInvalid("query_max_memory", "lots", "is invalid for property 'query_max_memory'");
        assertInvalid("join_distribution_type", "SIDEWAYS", "is invalid for property 'join_distribution_type'");
        assertInvalid("retry_policy", "ALWAYS", "is invalid for property 'retry_policy'");
        assertInvalid("hash_partition_count", "0", "is invalid for property 'hash_partition_count'");
        assertInvalid("hash_partition_count", "many", "is invalid for property 'hash_partition_count'");
        assertInvalid("no_such_property", "1", "Session property 'no_such_property' does not exist");
    }

    @Test
    void dynamicFilteringIsOnUnlessTurnedOff() {
        assertThat(SystemSessionProperties.descriptor("enable_dynamic_filtering").orElseThrow().type()).isEqualTo("boolean");
        assertThat(SystemSessionProperties.enableDynamicFiltering(session(Map.of()))).isTrue();
        assertThat(SystemSessionProperties.validate("enable_dynamic_filtering", "FALSE")).isEqualTo("false");
        assertThat(SystemSessionProperties.enableDynamicFiltering(session(Map.of("enable_dynamic_filtering", "false"))))
                .isFalse();
        assertInvalid("enable_dynamic_filtering", "maybe", "is invalid for property 'enable_dynamic_filtering'");
    }

    @Test
    void theDynamicFilterWaitIsABoundedDuration() {
        assertThat(SystemSessionProperties.dynamicFilteringWaitTimeout(session(Map.of()))).isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(SystemSessionProperties.dynamicFilteringWaitTimeout(
                session(Map.of("dynamic_filtering_wait_timeout", "250ms")))).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(SystemSessionProperties.validate("dynamic_filtering_wait_timeout", " 0s ")).isEqualTo("0s");
        assertThat(io.quarry.exec.dynamicfilter.DynamicFilterPlanning.waitTimeout(session(Map.of())))
                .isEqualTo(SystemSessionProperties.dynamicFilteringWaitTimeout(session(Map.of())));
        assertInvalid("dynamic_filtering_wait_timeout", "soon", "is invalid for property 'dynamic_filtering_wait_timeout'");
    }

    @Test
    void readsTypedValuesWithDefaults() {
        Session session = session(Map.of("query_max_run_time", "30s", "query_max_memory", "512MB"));
        assertThat(SystemSessionProperties.queryMaxRunTime(session)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SystemSessionProperties.queryMaxMemory(session)).isEqualTo(512L << 20);
        assertThat(SystemSessionProperties.hashPartitionCount(session)).isEqualTo(100);
        assertThat(SystemSessionProperties.joinDistributionType(session)).isEqualTo("AUTOMATIC");
        assertThat(SystemSessionProperties.queryMaxExecutionTime(session)).isEqualTo(Duration.ofDays(100));
        assertThat(SystemSessionProperties.parseDuration("100ms")).isEqualTo(Duration.ofMillis(100));
        assertThat(SystemSessionProperties.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
    }

    private static void assertInvalid(String name, String value, String message) {
        assertThatThrownBy(() -> SystemSessionProperties.validate(name, value))
                .isInstanceOfSatisfying(QuarryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_SESSION_PROPERTY);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    private static Session session(Map<String, String> properties) {
        return new Session(QueryId.valueOf("20240101_000000_00001_abcde"), "test", Optional.empty(), Optional.of("tpch"),
                Optional.of("tiny"), ZoneOffset.UTC, "en", properties, Map.of(), 0);
    }
}
