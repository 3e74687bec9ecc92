package io.quarry.exec.function;

/** A sketch of a set of hashed values that aggregates build per group and merge across steps in serialised form. */
public interface MergeableSketch<S extends MergeableSketch<S>> {
    void addHash(long hash);

    void mergeWith(S other);

    byte[] serialize();

    /** Memory held, for the query's accounting. */
    long sizeInBytes();
}
