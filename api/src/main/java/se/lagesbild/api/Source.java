package se.lagesbild.api;

import se.lagesbild.api.pxweb.ReleasedValues;
import se.lagesbild.warehouse.Warehouse;

/**
 * What a v1 route answers from: the codes, labels and vintages of what is served, and either a
 * leased connection to the warehouse ({@link ServedWarehouse.Lease}) or a release file's values
 * ({@link se.lagesbild.api.release.ReleaseSource}).
 */
public interface Source {
    Catalog catalog();

    /**
     * The warehouse to compute from. A release server has none: it refuses with a 404 problem
     * saying that the release holds released values only.
     */
    Warehouse warehouse();

    /** The release file's values when answering from one, else null (compute from {@link #warehouse()}). */
    ReleasedValues release();

    /**
     * The released values of a table already computed for exactly what this source serves (a
     * release file's; a warehouse server's own, when it has computed them for the vintage served
     * and no snapshot is asked), or null: then they are computed from {@link #warehouse()}. The same
     * values either way, from one definition ({@link se.lagesbild.warehouse.disclosure.Released}).
     */
    default se.lagesbild.api.pxweb.Cube precomputed(se.lagesbild.api.pxweb.PxTableId id) {
        return release() == null ? null : release().cube(id);
    }
}
