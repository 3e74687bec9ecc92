package io.quarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestHostAndPort {
    @Test
    void parsesHostAndPort() {
        assertThat(HostAndPort.parse("node-1.example.com:2552")).isEqualTo(new HostAndPort("node-1.example.com", 2552));
        assertThat(HostAndPort.parse(" 127.0.0.1:25520 ")).isEqualTo(new HostAndPort("127.0.0.1", 25520));
    }

    @Test
    void parsesBracketedIpv6() {
        HostAndPort seed = HostAndPort.parse("[::1]:2552");
        assertThat(seed.host()).isEqualTo("::1");
        assertThat(seed.port()).isEqualTo(2552);
        assertThat(seed.toString()).isEqualTo("[::1]:2552");
        assertThat(seed.uriHost()).isEqualTo("[::1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "host", "host:", ":2552", "host:port", "host:70000", "::1:2552", "host:-1"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> HostAndPort.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void printsAsParsed() {
        assertThat(new HostAndPort("10.0.0.7", 2552).toString()).isEqualTo("10.0.0.7:2552");
    }
}
