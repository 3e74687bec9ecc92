package io.quarry.client;

import io.quarry.actor.LocalOnly;

/**
 * The answer to a result request: a batch, or why there is none. Never leaves the coordinator's JVM (pages
 * by reference), hence {@link LocalOnly}.
 */
public sealed interface FetchResult extends LocalOnly permits ResultBatch, FetchRejected {}
