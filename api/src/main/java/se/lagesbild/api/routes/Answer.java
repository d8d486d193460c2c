package se.lagesbild.api.routes;

import se.lagesbild.publishing.tables.ResultTable;

/** What a route answers: a table (every format) or a JSON document (JSON only). */
public sealed interface Answer {
    record Table(ResultTable table) implements Answer {
    }

    record Document(Object json) implements Answer {
    }
}
