package io.quarry.testing.bench;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A server to measure, as {@code --server [LABEL=]URL} names it; the label defaults to the URL's host:port. */
record ServerSpec(String label, URI uri) {
    ServerSpec {
        requireNonNull(label, "label is null");
        requireNonNull(uri, "uri is null");
        if (label.isBlank()) {
            throw new IllegalArgumentException("empty server label");
        }
    }

    static ServerSpec parse(String spec) {
        requireNonNull(spec, "spec is null");
        String label = null;
        String url = spec.strip();
        int equals = url.indexOf('=');
        if (equals >= 0 && !url.substring(0, equals).contains("://")) {
            label = url.substring(0, equals).strip();
            url = url.substring(equals + 1).strip();
            if (label.isEmpty()) {
                throw new IllegalArgumentException("--server " + spec + ": empty label before '='");
            }
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server " + spec + ": not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0 && uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("--server " + spec + ": expected http://HOST:PORT");
        }
        return new ServerSpec(label != null ? label : uri.getRawAuthority(), uri);
    }

    /** Parses every spec; labels must be distinct. */
    static List<ServerSpec> parseAll(List<String> specs) {
        List<ServerSpec> servers = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (String spec : specs) {
            ServerSpec server = parse(spec);
            if (!labels.add(server.label())) {
                throw new IllegalArgumentException("--server: label " + server.label() + " is given twice");
            }
            servers.add(server);
        }
        return List.copyOf(servers);
    }
}
