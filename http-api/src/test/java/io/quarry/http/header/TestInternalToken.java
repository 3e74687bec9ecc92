package io.quarry.http.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TestInternalToken {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private final InternalToken token = new InternalToken("s3cret");

    @Test
    void aTokenIsValidForFiveMinutes() {
        String signed = token.create("worker-1", NOW);
        assertThat(signed.split("\\.")).hasSize(3);
        assertThat(token.isValid(signed, NOW)).isTrue();
        assertThat(token.isValid(signed, NOW.plus(InternalToken.LIFETIME).minusSeconds(1))).isTrue();
        assertThat(token.isValid(signed, NOW.plus(InternalToken.LIFETIME))).isFalse();
    }

    @Test
    void anotherSecretOrAChangedPayloadIsRefused() {
        String signed = token.create("worker-1", NOW);
        assertThat(new InternalToken("other").isValid(signed, NOW)).isFalse();
        String[] parts = signed.split("\\.");
        String forgedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"worker-1\",\"exp\":99999999999}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.isValid(parts[0] + "." + forgedPayload + "." + parts[2], NOW)).isFalse();
    }

    @Test
    void malformedTokensAreRefused() {
        assertThat(token.isValid("", NOW)).isFalse();
        assertThat(token.isValid("a.b", NOW)).isFalse();
        assertThat(token.isValid("a.b.c", NOW)).isFalse();
        assertThat(token.isValid("!!.??.%%", NOW)).isFalse();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + token.create("worker-1", NOW).split("\\.")[1] + ".";
        assertThat(token.isValid(unsigned, NOW)).isFalse();
    }
}
