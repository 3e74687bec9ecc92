package io.quarry.client;

/** The answer to a result request: a batch, or why there is none. */
public sealed interface FetchResult permits ResultBatch, FetchRejected {}
