package io.quarry.config;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node's configuration as loaded, with the warnings the loader collected (unknown or unused keys, a
 * generated node id) for the launcher to log.
 */
public record LoadedConfig(NodeConfig config, List<String> warnings) {
    public LoadedConfig {
        requireNonNull(config, "config is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
    }
}
