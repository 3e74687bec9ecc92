package io.quarry.http.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import akka.http.javadsl.model.HttpHeader;
import io.quarry.client.SessionUpdates;
import io.quarry.http.error.HttpStatusException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestSessionHeaderParser {
    private static List<HttpHeader> headers(String... namesAndValues) {
        List<HttpHeader> headers = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(HttpHeader.parse(namesAndValues[i], namesAndValues[i + 1]));
        }
        return headers;
    }

    private static RequestSession parse(String... namesAndValues) {
        List<HttpHeader> headers = headers(namesAndValues);
        return SessionHeaderParser.parse(ProtocolHeaders.detect(headers), headers);
    }

    private static int status(Runnable action) {
        try {
            action.run();
        } catch (HttpStatusException e) {
            return e.status().intValue();
        }
        throw new AssertionError("no HttpStatusException");
    }

    @Test
    void detectsTheProtocol() {
        assertThat(ProtocolHeaders.detect(headers("X-Trino-User", "a"))).isEqualTo(ProtocolHeaders.TRINO);
        assertThat(ProtocolHeaders.detect(headers("x-presto-user", "a"))).isEqualTo(ProtocolHeaders.PRESTO);
        assertThat(ProtocolHeaders.detect(headers("User-Agent", "curl"))).isEqualTo(ProtocolHeaders.PRESTO);
        assertThat(status(() -> ProtocolHeaders.detect(headers("X-Trino-User", "a", "X-Presto-Catalog", "c"))))
                .isEqualTo(400);
    }

    @Test
    void defaultsWithOnlyAUser() {
        RequestSession session = parse("X-Presto-User", "alice");
        assertThat(session.protocol()).isEqualTo(ProtocolHeaders.PRESTO);
        assertThat(session.session().user()).isEqualTo("alice");
        assertThat(session.session().timeZone().getId()).isEqualTo("UTC");
        assertThat(session.session().locale()).isEqualTo("en-US");
        assertThat(session.supportsTransactions()).isFalse();
        assertThat(status(() -> parse("X-Presto-Source", "x"))).isEqualTo(401);
    }

    @Test
    void parsesTheOptionalParts() {
        RequestSession session = parse(
                "X-Trino-User", "alice",
                "X-Trino-Time-Zone", "+05:30",
                "X-Trino-Path", "tpch.tiny,memory.default",
                "X-Trino-Role", "system=ALL,tpch=ROLE%7Badmin%7D",
                "X-Trino-Resource-Estimate", "EXECUTION_TIME=1h, CPU_TIME=30s, PEAK_MEMORY=2GB",
                "X-Trino-Transaction-Id", "3f1c2a9e-6b1d-4d7e-9c55-0a4b2e8f7d10",
                "X-Trino-Extra-Credential", "token=s%3Dcret");
        assertThat(session.session().timeZone()).isEqualTo(ZoneOffset.of("+05:30"));
        assertThat(session.path()).hasValue("tpch.tiny,memory.default");
        assertThat(session.roles()).isEqualTo(Map.of("system", "ALL", "tpch", "ROLE{admin}"));
        assertThat(session.executionTimeEstimate()).hasValue(Duration.ofHours(1));
        assertThat(session.cpuTimeEstimate()).hasValue(Duration.ofSeconds(30));
        assertThat(session.peakMemoryEstimate()).hasValue(2L << 30);
        assertThat(session.transactionId()).hasValue("3f1c2a9e-6b1d-4d7e-9c55-0a4b2e8f7d10");
        assertThat(session.extraCredentials()).isEqualTo(Map.of("token", "s=cret"));
        assertThat(session.toString()).doesNotContain("s=cret").contains("token");
    }

    @Test
    void rejectsMalformedHeaders() {
        assertThat(status(() -> parse("X-Trino-User", "a", "X-Trino-Session", ".x=1"))).isEqualTo(400);
        assertThat(status(() -> parse("X-Trino-User", "a", "X-Trino-Session", "=1"))).isEqualTo(400);
        assertThat(status(() -> parse("X-Trino-User", "a", "X-Trino-Language", "not a tag!"))).isEqualTo(400);
        assertThat(status(() -> parse("X-Trino-User", "a", "X-Trino-Prepared-Statement", "p=%4"))).isEqualTo(400);
        assertThat(status(() -> parse("X-Trino-User", "a", "X-Trino-Role", "ROLE{x}"))).isEqualTo(400);
        assertThatThrownBy(() -> parse("X-Trino-User", "a", "X-Trino-Session", "a.b.c=1"))
                .hasMessageContaining("X-Trino-Session")
                .hasMessageContaining("a.b.c");
        assertThatThrownBy(() -> parse("X-Trino-User", "a", "X-Trino-Extra-Credential", "pw"))
                .hasMessageContaining("X-Trino-Extra-Credential")
                .hasMessageNotContaining("pw'");
    }

    @Test
    void rendersSessionUpdatesInThePrefix() {
        SessionUpdates updates = new SessionUpdates(Optional.of("tpch"), Optional.empty(), Map.of("b", "x y", "a", "1"),
                Set.of(), Map.of(), Set.of(), Optional.of("3f1c2a9e-6b1d-4d7e-9c55-0a4b2e8f7d10"), true);
        List<String> rendered = SessionUpdateHeaders.render(ProtocolHeaders.TRINO, updates).stream()
                .map(header -> header.name() + ": " + header.value())
                .toList();
        assertThat(rendered).containsExactly(
                "X-Trino-Set-Catalog: tpch",
                "X-Trino-Set-Session: a=1",
                "X-Trino-Set-Session: b=x+y",
                "X-Trino-Started-Transaction-Id: 3f1c2a9e-6b1d-4d7e-9c55-0a4b2e8f7d10",
                "X-Trino-Clear-Transaction-Id: true");
        assertThat(SessionUpdateHeaders.render(ProtocolHeaders.PRESTO, SessionUpdates.NONE)).isEmpty();
    }
}
