package se.lagesbild.api.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import se.lagesbild.api.Catalog;
import se.lagesbild.warehouse.db.tables.records.SnapshotRecord;
import se.lagesbild.warehouse.dimensions.Dimensions.Member;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.status.WarehouseStatus;

/**
 * A {@link Catalog} as JSON and back: what a release file says about its codes, labels (Swedish and
 * English), indicators, follow-up structure, snapshot and vintages, so a release server needs no
 * warehouse. Map keys are written sorted, so the same catalog gives the same text.
 */
final class CatalogJson {
    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private CatalogJson() {
    }

    static String write(Catalog c) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("regions", c.regions());
        doc.put("healthcare_regions", c.healthcareRegions());
        doc.put("diagnoses", c.diagnoses());
        doc.put("periods", c.periods());
        doc.put("sexes", c.sexes());
        doc.put("age_groups", c.ageGroups());
        doc.put("goals", c.goals());
        doc.put("indicators", List.copyOf(c.indicators().values()));
        doc.put("snapshots", c.snapshots().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.getSnapshotName());
            m.put("description", s.getDescription());
            m.put("created_at", s.getCreatedAt() == null ? null : s.getCreatedAt().toString());
            m.put("max_batch_id", s.getMaxBatchId());
            return m;
        }).toList());
        doc.put("agreement_years", c.agreementYears());
        doc.put("batches", c.batches().stream().map(b -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("batch_id", b.batchId());
            m.put("source", b.source());
            m.put("file_name", b.fileName());
            m.put("vintage", b.vintage());
            m.put("rows_loaded", b.rowsLoaded());
            m.put("rows_quarantined", b.rowsQuarantined());
            m.put("loaded_at", b.loadedAt() == null ? null : b.loadedAt().toString());
            m.put("sha256", b.sha256());
            return m;
        }).toList());
        doc.put("subgoals", c.subgoals());
        doc.put("data_years", c.dataYears());
        doc.put("population_groups", c.populationGroups());
        doc.put("population_dimensions", c.populationDimensions());
        doc.put("grouped_indicators", c.groupedIndicators());
        doc.put("disclosure_thresholds", c.disclosureThresholds());
        doc.put("disclosure_rules", c.disclosureRules());
        try {
            return MAPPER.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Catalog read(String json) throws IOException {
        JsonNode doc = MAPPER.readTree(json);
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        list(doc, "indicators", new TypeReference<List<Indicator>>() { }).forEach(i -> indicators.put(i.code(), i));
        List<SnapshotRecord> snapshots = new ArrayList<>();
        for (JsonNode s : doc.path("snapshots")) {
            SnapshotRecord r = new SnapshotRecord();
            r.setSnapshotName(s.path("name").asText());
            r.setDescription(s.path("description").isNull() ? null : s.path("description").asText());
            r.setCreatedAt(s.path("created_at").isNull() ? null : LocalDateTime.parse(s.path("created_at").asText()));
            r.setMaxBatchId(s.path("max_batch_id").asLong());
            snapshots.add(r);
        }
        List<WarehouseStatus.Batch> batches = new ArrayList<>();
        for (JsonNode b : doc.path("batches")) {
            batches.add(new WarehouseStatus.Batch(b.path("batch_id").asLong(), text(b, "source"), text(b, "file_name"), text(b, "vintage"),
                    b.path("rows_loaded").asLong(), b.path("rows_quarantined").asLong(),
                    b.path("loaded_at").isNull() ? null : LocalDateTime.parse(b.path("loaded_at").asText()), text(b, "sha256")));
        }
        return new Catalog(members(doc, "regions"), members(doc, "healthcare_regions"), members(doc, "diagnoses"),
                members(doc, "periods"), members(doc, "sexes"), members(doc, "age_groups"), members(doc, "goals"),
                indicators, snapshots, list(doc, "agreement_years", new TypeReference<List<Integer>>() { }), batches,
                list(doc, "subgoals", new TypeReference<List<Catalogue.Subgoal>>() { }),
                list(doc, "data_years", new TypeReference<List<Integer>>() { }), members(doc, "population_groups"),
                list(doc, "population_dimensions", new TypeReference<List<String>>() { }),
                list(doc, "grouped_indicators", new TypeReference<List<String>>() { }),
                MAPPER.convertValue(doc.path("disclosure_thresholds"), new TypeReference<LinkedHashMap<String, Integer>>() { }),
                list(doc, "disclosure_rules", new TypeReference<List<Map<String, Object>>>() { }));
    }

    /**
     * The members of a dimension, read from the tree by hand: thousands of periods go ten times faster
     * than through the data binder's record support, which counts when a release server starts.
     */
    private static List<Member> members(JsonNode doc, String field) throws IOException {
        JsonNode node = doc.get(field);
        if (node == null || !node.isArray()) {
            throw new IOException("the catalog has no list '" + field + "'");
        }
        List<Member> members = new ArrayList<>(node.size());
        for (JsonNode m : node) {
            Map<String, Object> detail = new LinkedHashMap<>();
            m.path("detail").fields().forEachRemaining(e -> detail.put(e.getKey(), plain(e.getValue())));
            members.add(new Member(text(m, "code"), text(m, "labelSv"), text(m, "labelEn"), detail));
        }
        return members;
    }

    /** A detail's value as the warehouse gives it: text, a whole number, a number, yes/no, a list of texts, or null. */
    private static Object plain(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isInt()) {
            return v.intValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isArray()) {
            List<Object> list = new ArrayList<>();
            v.forEach(x -> list.add(plain(x)));
            return list;
        }
        return v.asText();
    }

    private static <T> List<T> list(JsonNode doc, String field, TypeReference<List<T>> type) throws IOException {
        JsonNode node = doc.get(field);
        if (node == null || !node.isArray()) {
            throw new IOException("the catalog has no list '" + field + "'");
        }
        return MAPPER.convertValue(node, type);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isNull() || v.isMissingNode() ? null : v.asText();
    }
}
