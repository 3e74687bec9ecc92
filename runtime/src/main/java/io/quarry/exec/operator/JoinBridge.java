package io.quarry.exec.operator;

import java.util.concurrent.CompletableFuture;

/**
 * Hands the build side of a join from its build pipeline to the probe drivers of the same task: the probe
 * operators wait on {@link #whenBuilt()} and then share the one {@link JoinHash}. Thread-safe.
 */
public final class JoinBridge {
    private final CompletableFuture<Void> built = new CompletableFuture<>();
    private volatile JoinHash hash;

    void publish(JoinHash joinHash) {
        hash = joinHash;
        built.complete(null);
    }

    /** Completed once the build side is complete. */
    public CompletableFuture<Void> whenBuilt() {
        return built;
    }

    /** The build side; only after {@link #whenBuilt()} completed. */
    JoinHash hash() {
        return hash;
    }
}
