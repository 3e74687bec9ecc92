package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A configuration a node cannot start with: one message naming where the value came from, the key and
 * what is allowed, e.g. {@code etc/config.properties: http-server.http.port: 'abc' is not a port number
 * (0-65535)}.
 */
public final class ConfigException extends RuntimeException {
    private final String source;
    private final String key;
    private final String problem;

    /**
     * @param source the file or HOCON origin the value came from
     * @param key the offending key, or null when the problem is not about one key (a missing file)
     * @param problem what is wrong and what is allowed
     */
    public ConfigException(String source, String key, String problem) {
        this(source, key, problem, null);
    }

    public ConfigException(String source, String key, String problem, Throwable cause) {
        super(message(source, key, problem), cause);
        this.source = requireNonNull(source, "source is null");
        this.key = key;
        this.problem = requireNonNull(problem, "problem is null");
    }

    private static String message(String source, String key, String problem) {
        return key == null ? source + ": " + problem : source + ": " + key + ": " + problem;
    }

    /** The file (as the caller named it) or HOCON origin description the value came from. */
    public String source() {
        return source;
    }

    /** The offending key; empty when the problem is a whole file or directory. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** What is wrong and what is allowed, without source and key. */
    public String problem() {
        return problem;
    }
}
