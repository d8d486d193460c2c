package se.lagesbild.publishing.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** Which warehouse file a notebook opens, whatever folder Jupyter starts its kernel in. */
class LagesbildDatabaseTest {
    @Test
    void withoutANameTheCheckoutsWarehouse() {
        assertEquals(Path.of("/work/checkout/data/lagesbild.duckdb"), Lagesbild.database(null, "/home/analyst", "/work/checkout"));
        assertEquals(Path.of("/work/checkout/data/lagesbild.duckdb"), Lagesbild.database(" ", "/home/analyst", "/work/checkout"));
    }

    @Test
    void aRelativeNameIsTakenFromTheFolderJupyterWasStartedInNotTheNotebooks() {
        // LAGESBILD_DB=data/other.duckdb jupyter nbconvert --execute notebooks/explore.ipynb, typed in /work/checkout: the kernel
        // runs in notebooks/, but the user meant /work/checkout/data/other.duckdb
        assertEquals(Path.of("/work/checkout/data/other.duckdb"), Lagesbild.database("data/other.duckdb", "/work/checkout", "/elsewhere"));
        assertEquals(Path.of("/work/other.duckdb"), Lagesbild.database("../other.duckdb", "/work/checkout", "/elsewhere"));
        // no PWD (a service, not a shell): the checkout
        assertEquals(Path.of("/work/checkout/data/other.duckdb"), Lagesbild.database("data/other.duckdb", null, "/work/checkout"));
    }

    @Test
    void anAbsoluteNameIsUsedAsItIs() {
        assertEquals(Path.of("/srv/lagesbild/2027.duckdb"), Lagesbild.database("/srv/lagesbild/2027.duckdb", "/work/checkout", "/work/checkout"));
    }
}
