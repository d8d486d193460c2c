package se.lagesbild.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jooq.Record;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.indicators.Catalogue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.indicators.SurvivalOptions;
import se.lagesbild.warehouse.stats.AgeStandardisedSurvival;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.LifeTable;
import se.lagesbild.warehouse.stats.Survival;
import se.lagesbild.warehouse.stats.SurvivalEstimate;
import se.lagesbild.warehouse.stats.SurvivalPatient;
import se.lagesbild.warehouse.stats.SurvivalSums;

/**
 * The benchmark's baseline: the survival indicators computed the plain way, each cell (window ×
 * geography × diagnosis × sex) from its own patients, every patient followed day by day from
 * diagnosis for every cell it is in, with the same estimator and the same rules as the engine
 * (Brenner's ICSS weights, period windows, Riket's life table, follow-up that must reach the time).
 */
final class PlainLoopSurvival {
    private PlainLoopSurvival() {
    }

    static Map<Cell, Double> compute(Warehouse warehouse, String code) {
        Indicator indicator = Catalogue.byCode(warehouse, code);
        boolean net = indicator.method().equals("net_survival");
        double[] at = SurvivalOptions.grid(indicator.methodParam());
        int horizon = Survival.horizonFor(at);
        List<LifeTable.Row> rows = new ArrayList<>();
        warehouse.dsl().resultQuery("SELECT year, sex_code, age, death_probability FROM stg_life_table WHERE region_code = '00'")
                .forEach(r -> rows.add(new LifeTable.Row(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Integer.class),
                        r.get(3, Double.class))));
        LifeTable table = net ? LifeTable.of(rows) : null;
        Map<String, List<String>> unitsOfCell = new TreeMap<>();
        warehouse.dsl().resultQuery("SELECT region_code || '/' || split_municipality_code, geo_level || '/' || geo_code FROM int_geography_bridge"
                + " WHERE weight > 0").forEach(r -> unitsOfCell.computeIfAbsent(r.get(1, String.class), k -> new ArrayList<>()).add(r.get(0, String.class)));
        Map<Cell, Double> values = new HashMap<>();
        for (String diagnosis : warehouse.dsl().resultQuery("SELECT DISTINCT diagnosis_code FROM " + indicator.martView() + " ORDER BY 1")
                .fetch(0, String.class)) {
            List<Record> patients = warehouse.dsl().resultQuery("SELECT region_code || '/' || split_municipality_code, sex_code, age_days,"
                    + " diagnosis_date, exit_days, died, icss_standard, age_group_code, follow_up_until FROM " + indicator.martView()
                    + " WHERE diagnosis_code = ?", diagnosis).fetch();
            LocalDate closing = patients.get(0).get(8, LocalDate.class);
            int lastWindow = closing.plusDays(1).getYear() - 1;
            int firstWindow = patients.stream().mapToInt(p -> p.get(3, LocalDate.class).getYear()).min().orElseThrow();
            AgeStandardisedSurvival.Standard standard = AgeStandardisedSurvival.Standard.of(patients.get(0).get(6, String.class));
            String ageGroup = patients.get(0).get(7, String.class);
            for (int year = firstWindow; year <= lastWindow; year++) {
                long start = LocalDate.of(year, 1, 1).toEpochDay();
                long end = LocalDate.of(year + 1, 1, 1).toEpochDay();
                for (var cell : unitsOfCell.entrySet()) {
                    String[] geo = cell.getKey().split("/");
                    for (int sex = 1; sex <= 3; sex++) {
                        List<SurvivalSums> groups = new ArrayList<>();
                        for (int k = 0; k < (net ? 5 : 1); k++) {
                            groups.add(new SurvivalSums(horizon, net));
                        }
                        for (Record p : patients) {
                            int s = p.get(1, Integer.class);
                            if ((sex != 3 && s != sex) || !cell.getValue().contains(p.get(0, String.class))) {
                                continue;
                            }
                            long dx = p.get(3, LocalDate.class).toEpochDay();
                            int exit = p.get(4, Integer.class);
                            boolean died = p.get(5, Boolean.class);
                            int entry = (int) Math.max(0, start - dx);
                            int leave = (int) Math.min(exit, end - dx);
                            boolean diedInWindow = died && exit <= end - dx;
                            // in the window only while at risk within the horizon (as the engine: Brenner's weights count these)
                            if (leave <= entry || entry >= horizon) {
                                continue;
                            }
                            int ageDays = p.get(2, Integer.class);
                            int k = net ? Math.max(0, AgeStandardisedSurvival.group(ageDays)) : 0;
                            groups.get(k).add(new SurvivalPatient(s, ageDays, dx, entry, leave, diedInWindow), table);
                        }
                        double patientsInCell = groups.stream().mapToDouble(SurvivalSums::patients).sum();
                        if (patientsInCell == 0) {
                            continue;
                        }
                        Cell key = new Cell(String.valueOf(year), geo[0], geo[1], diagnosis, sex, ageGroup);
                        SurvivalSums sums = net ? AgeStandardisedSurvival.brennerSums(groups, standard) : groups.get(0);
                        if (sums == null) {
                            values.put(key, Double.NaN);
                            continue;
                        }
                        SurvivalEstimate e = (net ? Survival.poharPerme(sums, at, Confidence.NINETY_FIVE)
                                : Survival.kaplanMeier(sums, at, Confidence.NINETY_FIVE)).get(at.length - 1);
                        values.put(key, Survival.followedUp(sums, at[at.length - 1]) ? e.value() : Double.NaN);
                    }
                }
            }
        }
        return values;
    }
}
