package io.quarry.config;

import static java.util.Objects.requireNonNull;

/**
 * A host and a port, as in a seed node address; IPv6 literals are written in brackets ({@code [::1]:2552}).
 */
public record HostAndPort(String host, int port) {
    public HostAndPort {
        requireNonNull(host, "host is null");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host is blank");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
    }

    /**
     * Parses {@code host:port} or {@code [ipv6]:port}.
     *
     * @throws IllegalArgumentException naming the text when it is not of that form
     */
    public static HostAndPort parse(String text) {
        requireNonNull(text, "text is null");
        String trimmed = text.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not host:port");
        }
        String host = trimmed.substring(0, colon);
        if (host.contains(":") && !(host.startsWith("[") && host.endsWith("]"))) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (write IPv6 addresses as [address]:port)");
        }
        int port;
        try {
            port = Integer.parseInt(trimmed.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (the port is not a number)");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'" + text + "' is not host:port (the port is not between 0 and 65535)");
        }
        return new HostAndPort(host, port);
    }

    /** The host as it appears in a URI or address: IPv6 literals in brackets. */
    public String uriHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return uriHost() + ":" + port;
    }
}
