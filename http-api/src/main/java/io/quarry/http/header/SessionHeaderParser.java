package io.quarry.http.header;

import akka.http.javadsl.model.HttpHeader;
import akka.http.javadsl.model.StatusCodes;
import io.quarry.client.ClientSession;
import io.quarry.config.DataSizes;
import io.quarry.config.Durations;
import io.quarry.http.error.HttpStatusException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Parses and validates the session headers of a statement request ({@code rest-protocol.md} §2.2). Every
 * malformed header is a 400 whose one-line message names the header; credential values never appear in a
 * message. Session property values are not checked here: the query validates them.
 */
public final class SessionHeaderParser {
    private static final Pattern ROLE = Pattern.compile("ALL|NONE|ROLE\\{.+}");
    private static final String DEFAULT_TIME_ZONE = "UTC";
    private static final String DEFAULT_LANGUAGE = "en-US";

    private SessionHeaderParser() {}

    /**
     * The session of a request with a known user.
     *
     * @throws HttpStatusException 400 for a malformed header, 401 without a user
     */
    public static RequestSession parse(ProtocolHeaders protocol, Iterable<HttpHeader> headers) {
        Parser parser = new Parser(protocol, headers);
        return parser.parse();
    }

    private static final class Parser {
        private final ProtocolHeaders protocol;
        private final Iterable<HttpHeader> headers;

        Parser(ProtocolHeaders protocol, Iterable<HttpHeader> headers) {
            this.protocol = protocol;
            this.headers = headers;
        }

        RequestSession parse() {
            String user = protocol.user(headers).orElseThrow(() -> missingUser(protocol));
            Optional<String> catalog = single("Catalog");
            Optional<String> schema = single("Schema");
            if (schema.isPresent() && catalog.isEmpty()) {
                throw badRequest(protocol.name("Schema") + " is set but " + protocol.name("Catalog") + " is not");
            }
            ZoneId timeZone = timeZone();
            String language = language();

            Map<String, String> systemProperties = new LinkedHashMap<>();
            Map<String, Map<String, String>> catalogProperties = new LinkedHashMap<>();
            for (Map.Entry<String, String> property : pairs("Session", false, true).entrySet()) {
                String name = property.getKey();
                String[] parts = name.split("\\.", -1);
                if (parts.length == 1) {
                    systemProperties.put(name, property.getValue());
                } else if (parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()) {
                    catalogProperties.computeIfAbsent(parts[0], ignored -> new LinkedHashMap<>()).put(parts[1], property.getValue());
                } else {
                    throw badRequest("Invalid " + protocol.name("Session") + " header: property name '" + name
                            + "' must be 'name' or 'catalog.name'");
                }
            }
            Map<String, String> preparedStatements = pairs("Prepared-Statement", true, true);
            Map<String, String> roles = roles();
            Map<String, String> extraCredentials = extraCredentials();
            Map<String, String> estimates = pairs("Resource-Estimate", false, false);
            Optional<Duration> executionTime = Optional.empty();
            Optional<Duration> cpuTime = Optional.empty();
            Optional<Long> peakMemory = Optional.empty();
            for (Map.Entry<String, String> estimate : estimates.entrySet()) {
                String name = estimate.getKey().toUpperCase(Locale.ROOT);
                try {
                    switch (name) {
                        case "EXECUTION_TIME" -> executionTime = Optional.of(Durations.parse(estimate.getValue()));
                        case "CPU_TIME" -> cpuTime = Optional.of(Durations.parse(estimate.getValue()));
                        case "PEAK_MEMORY" -> peakMemory = Optional.of(DataSizes.parseBytes(estimate.getValue()));
                        default -> throw badRequest("Invalid " + protocol.name("Resource-Estimate") + " header: unknown estimate '"
                                + estimate.getKey() + "' (EXECUTION_TIME, CPU_TIME, PEAK_MEMORY)");
                    }
                } catch (IllegalArgumentException e) {
                    throw badRequest("Invalid " + protocol.name("Resource-Estimate") + " header: " + e.getMessage());
                }
            }

            Optional<String> transactionId = transactionId();
            ClientSession session = new ClientSession(
                    user,
                    single("Source"),
                    catalog,
                    schema,
                    timeZone,
                    language,
                    systemProperties,
                    catalogProperties,
                    preparedStatements,
                    single("Trace-Token"),
                    single("Client-Info"),
                    list("Client-Tags"),
                    list("Client-Capabilities"),
                    transactionId);
            return new RequestSession(
                    protocol,
                    session,
                    single("Path"),
                    roles,
                    executionTime,
                    cpuTime,
                    peakMemory,
                    transactionId,
                    extraCredentials);
        }

        private ZoneId timeZone() {
            String text = single("Time-Zone").orElse(DEFAULT_TIME_ZONE);
            try {
                return ZoneId.of(text);
            } catch (DateTimeException e) {
                throw badRequest("Invalid " + protocol.name("Time-Zone") + " header: unknown time zone '" + text + "'");
            }
        }

        private String language() {
            String text = single("Language").orElse(DEFAULT_LANGUAGE);
            try {
                return new Locale.Builder().setLanguageTag(text).build().toLanguageTag();
            } catch (IllformedLocaleException e) {
                throw badRequest("Invalid " + protocol.name("Language") + " header: '" + text + "' is not a BCP 47 language tag");
            }
        }

        private Optional<String> transactionId() {
            Optional<String> text = single("Transaction-Id");
            if (text.isEmpty() || text.get().equalsIgnoreCase("NONE")) {
                return text.map(value -> "NONE");
            }
            try {
                return Optional.of(UUID.fromString(text.get()).toString());
            } catch (IllegalArgumentException e) {
                throw badRequest("Invalid " + protocol.name("Transaction-Id") + " header: '" + text.get()
                        + "' is neither NONE nor a UUID");
            }
        }

        private Map<String, String> roles() {
            Map<String, String> roles = pairs("Role", false, true);
            for (Map.Entry<String, String> role : roles.entrySet()) {
                if (!ROLE.matcher(role.getValue()).matches()) {
                    throw badRequest("Invalid " + protocol.name("Role") + " header: role of catalog '" + role.getKey()
                            + "' must be ALL, NONE or ROLE{name}");
                }
            }
            return roles;
        }

        private Map<String, String> extraCredentials() {
            try {
                return pairs("Extra-Credential", false, true);
            } catch (HttpStatusException e) {
                // The detailed message could quote a secret: answer without it.
                throw badRequest("Invalid " + protocol.name("Extra-Credential") + " header: expected name=urlencoded(value)");
            }
        }

        private Optional<String> single(String suffix) {
            return protocol.value(headers, suffix);
        }

        private Set<String> list(String suffix) {
            Set<String> items = new LinkedHashSet<>();
            for (String value : protocol.values(headers, suffix)) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }

        /**
         * The {@code name=value} pairs of every header with this suffix, comma-separated within a header;
         * names and/or values URL-decoded as the header's format says.
         */
        private Map<String, String> pairs(String suffix, boolean decodeNames, boolean decodeValues) {
            Map<String, String> pairs = new LinkedHashMap<>();
            String header = protocol.name(suffix);
            List<String> values = protocol.values(headers, suffix);
            for (String value : values) {
                for (String item : value.split(",")) {
                    if (item.isBlank()) {
                        continue;
                    }
                    int equals = item.indexOf('=');
                    if (equals < 0) {
                        throw badRequest("Invalid " + header + " header: '" + item.strip() + "' is not name=value");
                    }
                    String name = item.substring(0, equals).strip();
                    String text = item.substring(equals + 1).strip();
                    name = decodeNames ? decode(header, name) : name;
                    text = decodeValues ? decode(header, text) : text;
                    if (name.isEmpty()) {
                        throw badRequest("Invalid " + header + " header: empty name in '" + item.strip() + "'");
                    }
                    pairs.put(name, text);
                }
            }
            return pairs;
        }

        private String decode(String header, String text) {
            try {
                return URLDecoder.decode(text, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw badRequest("Invalid " + header + " header: malformed URL encoding in '" + text + "'");
            }
        }
    }

    /** The 401 for a request without {@code X-…-User}. */
    public static HttpStatusException missingUser(ProtocolHeaders protocol) {
        return new HttpStatusException(StatusCodes.UNAUTHORIZED, protocol.name("User") + " must be set");
    }

    private static HttpStatusException badRequest(String message) {
        return new HttpStatusException(StatusCodes.BAD_REQUEST, message);
    }
}
