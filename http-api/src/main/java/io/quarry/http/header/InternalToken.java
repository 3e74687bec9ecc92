package io.quarry.http.header;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed token nodes send each other on internal routes, as openLooKeng and Trino do: a JWT signed with
 * HS256, the key being the SHA-256 of {@code internal-communication.shared-secret}, the subject the
 * sender's node id, valid for five minutes.
 */
public final class InternalToken {
    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Where nodes put the token (openLooKeng's and Trino's names). */
    public static final List<String> HEADERS = List.of("X-Presto-Internal-Bearer", "X-Trino-Internal-Bearer");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String HEADER = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final byte[] key;

    public InternalToken(String sharedSecret) {
        requireNonNull(sharedSecret, "sharedSecret is null");
        try {
            this.key = MessageDigest.getInstance("SHA-256").digest(sharedSecret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A token for {@code nodeId}, valid from {@code now} for {@link #LIFETIME}. */
    public String create(String nodeId, Instant now) {
        String payload = MAPPER.createObjectNode()
                .put("sub", nodeId)
                .put("exp", now.plus(LIFETIME).getEpochSecond())
                .toString();
        String signed = HEADER + "." + ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return signed + "." + ENCODER.encodeToString(sign(signed));
    }

    /** Whether {@code token} is signed with this secret, uses HS256, names a sender and has not expired. */
    public boolean isValid(String token, Instant now) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            byte[] signature = DECODER.decode(parts[2]);
            if (!MessageDigest.isEqual(signature, sign(parts[0] + "." + parts[1]))) {
                return false;
            }
            JsonNode header = MAPPER.readTree(DECODER.decode(parts[0]));
            JsonNode payload = MAPPER.readTree(DECODER.decode(parts[1]));
            return "HS256".equals(header.path("alg").asText())
                    && !payload.path("sub").asText().isEmpty()
                    && payload.path("exp").canConvertToLong()
                    && now.getEpochSecond() < payload.path("exp").asLong();
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
