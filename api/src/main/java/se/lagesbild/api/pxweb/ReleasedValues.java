package se.lagesbild.api.pxweb;

import se.lagesbild.api.Catalog;

/**
 * Where the PxWebApi 2 routes (and, from a release file, v1's value routes) take released values
 * from: the {@link ReleasedStore} computed from a served warehouse, or a
 * {@link se.lagesbild.api.release.ReleaseFile} read from disk. Both hold released values only.
 */
public interface ReleasedValues extends AutoCloseable {
    /** The codes, labels, indicators and vintages the values are of. */
    Catalog catalog();

    /** The released values of one table. */
    Cube cube(PxTableId id);

    /** Whether a newer vintage than {@code cube}'s is being computed (answers still come from the cube's). */
    boolean newerBeingComputed(Cube cube);

    /** Whether every table can be answered at once. */
    boolean ready();

    /** Starts computing what is not computed yet (nothing, for a file). */
    void warm();

    /** A name for messages: the warehouse served or the release file. */
    String describe();

    @Override
    void close();
}
