package io.quarry.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value rules both loaders share: each parses one raw value or throws a {@link ConfigException} naming
 * source, key, the value and what is allowed.
 */
final class ConfigValues {
    private ConfigValues() {}

    static boolean parseBoolean(String source, String key, String raw) {
        String value = raw.trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw new ConfigException(source, key, quote(raw) + " is not a boolean (true or false)");
    }

    static int parsePort(String source, String key, String raw) {
        Integer port = tryParseInt(raw);
        if (port == null || port < 0 || port > 65535) {
            throw new ConfigException(source, key, quote(raw) + " is not a port number (0-65535)");
        }
        return port;
    }

    static int parseInt(String source, String key, String raw, int min) {
        Integer value = tryParseInt(raw);
        if (value == null || value < min) {
            throw new ConfigException(source, key, quote(raw) + " is not an integer of at least " + min);
        }
        return value;
    }

    static RetryPolicy parseRetryPolicy(String source, String key, String raw) {
        try {
            return RetryPolicy.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, key, e.getMessage());
        }
    }

    static long parseDataSize(String source, String key, String raw) {
        long bytes;
        try {
            bytes = DataSizes.parseBytes(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, key, e.getMessage());
        }
        if (bytes <= 0) {
            throw new ConfigException(source, key, quote(raw) + " is not a positive data size (e.g. 512MB or 20GB)");
        }
        return bytes;
    }

    static Duration parseDuration(String source, String key, String raw, boolean allowZero) {
        Duration duration;
        try {
            duration = Durations.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, key, e.getMessage());
        }
        checkDuration(source, key, raw, duration, allowZero);
        return duration;
    }

    static void checkDuration(String source, String key, String raw, Duration duration, boolean allowZero) {
        if (duration.isNegative() || (!allowZero && duration.isZero())) {
            throw new ConfigException(
                    source, key, quote(raw) + " is not a " + (allowZero ? "non-negative" : "positive") + " duration (e.g. 10s or 5m)");
        }
    }

    /** A failure detector pause: a duration of at least {@link MembershipConfig#MIN_ACCEPTABLE_HEARTBEAT_PAUSE}. */
    static Duration parseHeartbeatPause(String source, String key, String raw) {
        Duration pause = parseDuration(source, key, raw, false);
        checkHeartbeatPause(source, key, raw, pause);
        return pause;
    }

    static void checkHeartbeatPause(String source, String key, String raw, Duration pause) {
        if (pause.compareTo(MembershipConfig.MIN_ACCEPTABLE_HEARTBEAT_PAUSE) < 0) {
            throw new ConfigException(source, key, quote(raw) + " is shorter than "
                    + MembershipConfig.MIN_ACCEPTABLE_HEARTBEAT_PAUSE.toMillis()
                    + "ms (heartbeats go every second; a shorter pause reports healthy nodes lost)");
        }
    }

    static String parseHost(String source, String key, String raw) {
        String host = raw.trim();
        if (!NodeConfig.HOST_PATTERN.matcher(host).matches()) {
            throw new ConfigException(
                    source, key, quote(raw) + " is not a host name or IP address (letters, digits, '.', '-', ':')");
        }
        return host;
    }

    static String parseNodeId(String source, String key, String raw) {
        String nodeId = raw.trim();
        if (!NodeConfig.NODE_ID_PATTERN.matcher(nodeId).matches()) {
            throw new ConfigException(
                    source,
                    key,
                    quote(raw) + " is not a node id (letters, digits, '_' and '-', starting with a letter or digit)");
        }
        return nodeId;
    }

    static String parseEnvironment(String source, String key, String raw) {
        String environment = raw.trim();
        if (!NodeConfig.ENVIRONMENT_PATTERN.matcher(environment).matches()) {
            throw new ConfigException(
                    source,
                    key,
                    quote(raw) + " is not an environment name (lower-case letters, digits and '_', starting with a letter or digit)");
        }
        return environment;
    }

    static URI parseHttpUri(String source, String key, String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null
                || !uri.isAbsolute()
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new ConfigException(
                    source, key, quote(raw) + " is not an absolute http URI (e.g. http://coordinator.example.com:8080)");
        }
        return uri;
    }

    /** Seed nodes from a comma-separated string ({@code host:port,host:port}); blank means none. */
    static List<HostAndPort> parseSeedNodes(String source, String key, String raw) {
        List<String> items = new ArrayList<>();
        if (!raw.isBlank()) {
            for (String item : raw.split(",", -1)) {
                items.add(item.trim());
            }
        }
        return parseSeedNodes(source, key, items);
    }

    static List<HostAndPort> parseSeedNodes(String source, String key, List<String> items) {
        List<HostAndPort> seedNodes = new ArrayList<>();
        for (String item : items) {
            HostAndPort seed;
            try {
                seed = HostAndPort.parse(item);
            } catch (IllegalArgumentException e) {
                seed = null;
            }
            if (seed == null || seed.port() == 0 || !NodeConfig.HOST_PATTERN.matcher(seed.host()).matches()) {
                throw new ConfigException(
                        source,
                        key,
                        quote(item) + " is not a seed node (host:port with a port 1-65535; several separated by commas)");
            }
            seedNodes.add(seed);
        }
        return seedNodes;
    }

    /** Checks a catalog name; key is null when the name comes from a file name. */
    static String parseCatalogName(String source, String key, String name) {
        if (!CatalogConfig.NAME_PATTERN.matcher(name).matches()) {
            throw new ConfigException(
                    source, key, "catalog name " + quote(name) + " is not allowed (lower-case letters, digits and '_')");
        }
        return name;
    }

    /** Warnings about values that are valid but probably not what the operator meant. */
    static void addAddressWarnings(String source, NodeConfig config, List<String> warnings) {
        if (isWildcard(config.internalAddress())) {
            warnings.add(source + ": the node advertises the wildcard address " + config.internalAddress()
                    + "; set the internal address to the address other nodes reach this one at");
        }
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0");
    }

    private static Integer tryParseInt(String raw) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String quote(String raw) {
        return "'" + raw + "'";
    }
}
