package io.quarry.http.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TestHttpServer {
    @Test
    void bindsAFreePortAndDerivesTheExternalUriFromTheSettings() throws Exception {
        try (TestingHttpServer server = new TestingHttpServer(true)) {
            assertThat(server.server.port()).isPositive();
            assertThat(server.server.externalBaseUri())
                    .isEqualTo(URI.create("http://127.0.0.1:" + server.server.port()));
            // A forged Host header does not change the URIs handed out.
            var response = server.send(server.request("/v1/statement")
                    .header("X-Trino-User", "a")
                    .header("X-Forwarded-Host", "evil.example")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("SELECT paged"))
                    .build());
            assertThat(response.body()).contains("\"nextUri\":\"http://127.0.0.1:" + server.server.port() + "/v1/statement/");
        }
    }

    @Test
    void aBusyPortFailsWithAMessageNamingHostAndPort() throws Exception {
        try (TestingHttpServer first = new TestingHttpServer(true)) {
            HttpServerSettings clash = HttpServerSettings.of("127.0.0.1", first.server.port(), "n2", "test", true, Instant.now());
            assertThatThrownBy(() -> HttpServer.start(first.system, first.service, clash).toCompletableFuture()
                            .get(20, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("127.0.0.1:" + first.server.port());
        }
    }

    @Test
    void referenceConfigurationHardensAkkaHttp() throws Exception {
        try (TestingHttpServer server = new TestingHttpServer(false)) {
            Config config = server.system.settings().config().getConfig("akka.http.server");
            assertThat(config.getString("preview.enable-http2")).isEqualTo("off");
            assertThat(config.getBytes("parsing.max-header-value-length")).isEqualTo(64L * 1024);
            assertThat(config.getInt("parsing.max-header-count")).isEqualTo(256);
            assertThat(config.getBytes("parsing.max-content-length")).isEqualTo(8L * 1024 * 1024);
            assertThat(config.getDuration("request-timeout")).isEqualTo(Duration.ofSeconds(20));
            assertThat(config.getDuration("idle-timeout")).isEqualTo(Duration.ofSeconds(60));
            assertThat(config.getBoolean("parsing.illegal-header-warnings")).isFalse();
        }
    }

    @Test
    void settingsValidateTheirLimits() {
        Instant start = Instant.now();
        HttpServerSettings defaults = HttpServerSettings.of("127.0.0.1", 0, "n", "test", true, start);
        assertThat(defaults.version()).isEqualTo("0.1.0");
        assertThat(defaults.maxWait()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.defaultTargetResultBytes()).isEqualTo(1L << 20);
        assertThat(defaults.maxTargetResultBytes()).isEqualTo(128L << 20);
        assertThat(HttpServerSettings.of("::1", 0, "n", "test", true, start).externalBaseUri(8080))
                .isEqualTo(URI.create("http://[::1]:8080"));
        assertThatThrownBy(() -> new HttpServerSettings("h", 0, "n", "e", true, "0.1.0", start, Duration.ofSeconds(2),
                        1 << 20, 128 << 20, Optional.empty()))
                .hasMessageContaining("maxWait");
        assertThatThrownBy(() -> new HttpServerSettings("h", 0, "n", "e", true, "0.1.0", start, Duration.ofSeconds(1),
                        1 << 20, 256L << 20, Optional.empty()))
                .hasMessageContaining("maxTargetResultBytes");
        assertThatThrownBy(() -> HttpServerSettings.of("h", 70000, "n", "e", true, start)).hasMessageContaining("port");
    }
}
