package se.lagesbild.api.release;

import se.lagesbild.api.ApiProblem;
import se.lagesbild.api.Catalog;
import se.lagesbild.api.Source;
import se.lagesbild.api.pxweb.ReleasedValues;
import se.lagesbild.warehouse.Warehouse;

/**
 * What a v1 route answers from on a release server: the release's catalog and values, and no
 * warehouse. Equity and the baseline comparison are computed from the released values (as on a
 * warehouse server); a route that needs the warehouse (groups, revisions, goals, the agreement) is
 * answered 404 with what the release holds instead; nothing falls back to microdata.
 */
public record ReleaseSource(ReleasedValues file, String path) implements Source {
    @Override
    public Catalog catalog() {
        return file.catalog();
    }

    @Override
    public Warehouse warehouse() {
        throw ApiProblem.notFound("This server answers from the release file " + file.describe() + ", which holds released values"
                + " only; " + path + " is computed on the analysts' warehouse and is"
                + " not served here. The released values: /api/v1/indicators/{code}/values and the tables at /api/v2/tables.");
    }

    @Override
    public ReleasedValues release() {
        return file;
    }
}
