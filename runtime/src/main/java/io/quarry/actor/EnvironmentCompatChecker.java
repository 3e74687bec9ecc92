package io.quarry.actor;

import akka.cluster.ConfigValidation;
import akka.cluster.JoinConfigCompatChecker;
import com.typesafe.config.Config;
import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Refuses a node whose {@code node.environment} differs from the cluster's: Akka runs this check when a
 * node asks to join, and the join is refused with a message naming the key.
 */
public final class EnvironmentCompatChecker extends JoinConfigCompatChecker {
    public static final String ENVIRONMENT_KEY = "quarry-cluster.environment";

    /** Akka creates checkers through this constructor. */
    public EnvironmentCompatChecker() {}

    @Override
    public Seq<String> requiredKeys() {
        return CollectionConverters.asScala(List.of(ENVIRONMENT_KEY)).toList();
    }

    @Override
    public ConfigValidation check(Config toCheck, Config actualConfig) {
        return JoinConfigCompatChecker.fullMatch(requiredKeys(), toCheck, actualConfig);
    }
}
