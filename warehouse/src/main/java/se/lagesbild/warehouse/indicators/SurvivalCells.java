package se.lagesbild.warehouse.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.jooq.Record;
import org.jooq.impl.DSL;

import se.lagesbild.warehouse.Warehouse;
import se.lagesbild.warehouse.kept.Kept;
import se.lagesbild.warehouse.kept.Packed;
import se.lagesbild.warehouse.snapshots.Snapshots;
import se.lagesbild.warehouse.stats.AgeStandardisedSurvival;
import se.lagesbild.warehouse.stats.Confidence;
import se.lagesbild.warehouse.stats.LifeTable;
import se.lagesbild.warehouse.stats.Survival;
import se.lagesbild.warehouse.stats.SurvivalEstimate;
import se.lagesbild.warehouse.stats.SurvivalPatient;
import se.lagesbild.warehouse.stats.SurvivalSums;

/**
 * The cells of a survival indicator (methods net_survival and observed_survival), computed from
 * its mart's patients. Period YYYY is, by the indicator's analysis ({@link SurvivalOptions}), the
 * patients at risk during that year (period analysis, the default; hybrid: those of them diagnosed
 * before it) or the patients diagnosed in it (cohort), each followed from diagnosis; a period is
 * computed when the follow-up's closing date reaches its 31 December. Each value is read at exactly
 * the indicator's time, on the grid of the reporting times 1, 3, 5 and 10 years before it
 * ({@link se.lagesbild.warehouse.stats.SurvivalReading}), and its method counts the tumours the
 * register's rule left out before any estimator (the mart's VIEW_exclusions: Riket, both sexes,
 * the diagnosis years the period's patients come from; a count under the patients' disclosure
 * threshold is shown as ".."). One pass over the patients per diagnosis group
 * fills, for every window, region unit (Halland's split as int_geography_bridge has it: a patient
 * without a split municipality counts in both halves, as lead-time observations do), sex and ICSS
 * age group, the additive day-by-day sums ({@link SurvivalSums}); a geography's sums are its units'
 * added, both sexes the two added, and net survival is standardised with Brenner's weights over the
 * age groups (the site's ICSS standard, dim_diagnosis.icss_standard). Expected survival uses the
 * region's own life table when one is loaded for the year, else Riket's; a year outside the tables
 * uses the nearest and the value's method says so.
 *
 * <p>The result depends only on the visible batches, so it is computed once per warehouse state and
 * kept (like disclosure patterns): in memory, and in the warehouse by {@code lagesbild marts}
 * ({@link #keep}, read back by every later process whose state, thresholds and code match).
 */
public final class SurvivalCells {
    private static final int KEPT = 24;
    private static final ConcurrentHashMap<String, CompletableFuture<Map<Cell, Value>>> CACHE = new ConcurrentHashMap<>();

    /** A cell's estimate at the confidence asked for and at 99.8 %, and its patients. */
    record Value(SurvivalEstimate estimate, SurvivalEstimate wide, double patients, String method) {
    }

    private SurvivalCells() {
    }

    /** Every cell of {@code indicator} (kept per warehouse state), restricted to {@code filter}. */
    static Map<Cell, Value> of(Warehouse warehouse, Indicator indicator, CellFilter filter, Confidence confidence) {
        return of(warehouse, indicator, filter, confidence, false);
    }

    /**
     * The same; Riket's cells by population group (age group {@code dimension:group}) are in it when
     * the filter names them, or with {@code groups} (disclosure control needs every cell), never by
     * default.
     */
    static Map<Cell, Value> of(Warehouse warehouse, Indicator indicator, CellFilter filter, Confidence confidence, boolean groups) {
        boolean named = filter.ageGroups().stream().anyMatch(EquityGroups::isGroup);
        GroupScope scope = named ? GroupScope.of(filter) : null;
        Map<Cell, Value> all;
        if (scope != null && !scope.everything()) {
            // the groups' estimates of the periods and diagnoses asked only, over the cells without them (the report asks one of each)
            all = new LinkedHashMap<>(all(warehouse, indicator, confidence, null));
            all.putAll(all(warehouse, indicator, confidence, scope));
        } else {
            all = all(warehouse, indicator, confidence, scope);
        }
        Map<Cell, Value> kept = new LinkedHashMap<>();
        boolean asked = groups || named;
        all.forEach((cell, value) -> {
            if (matches(filter, cell) && (asked || !EquityGroups.isGroup(cell.ageGroupCode()))) {
                kept.put(cell, value);
            }
        });
        return kept;
    }

    private static boolean matches(CellFilter f, Cell c) {
        return (f.periods().isEmpty() || f.periods().contains(c.periodCode())) && (f.geoLevel() == null || f.geoLevel().equals(c.geoLevel()))
                && (f.geoCodes().isEmpty() || f.geoCodes().contains(c.geoCode()))
                && (f.diagnoses().isEmpty() || f.diagnoses().contains(c.diagnosisCode()))
                && (f.sexes().isEmpty() || f.sexes().contains(c.sexCode())) && (f.ageGroups().isEmpty() || f.ageGroups().contains(c.ageGroupCode()));
    }

    static Map<Cell, Value> all(Warehouse warehouse, Indicator indicator, Confidence confidence) {
        return all(warehouse, indicator, confidence, null);
    }

    /**
     * Which population groups' estimates a computation makes (null: none, their patients only).
     * Empty lists: every period and diagnosis, with every other cell. Otherwise only Riket's group
     * cells of those periods and diagnoses, nothing else: each is the same number the whole
     * computation gives (the same patients added in the same order), at a fraction of the cost.
     */
    record GroupScope(List<String> diagnoses, List<Integer> periods) {
        static final GroupScope ALL = new GroupScope(List.of(), List.of());

        /** The scope a filter asks for: its periods and diagnoses when it names both, else everything. */
        static GroupScope of(CellFilter filter) {
            List<Integer> years = filter.periods().stream().filter(p -> p.matches("\\d{4}")).map(Integer::valueOf).sorted().toList();
            return filter.periods().isEmpty() || filter.diagnoses().isEmpty() || years.size() != filter.periods().size() ? ALL
                    : new GroupScope(filter.diagnoses().stream().sorted().toList(), years);
        }

        boolean everything() {
            return diagnoses.isEmpty();
        }
    }

    /**
     * Every cell; Riket's population-group cells carry their patients only, and their estimates too
     * with {@code groups} (a second pass, made only when a group's value is asked for: each
     * group's estimate costs another pass over its patients' days, the counts disclosure control
     * needs cost nothing).
     */
    static Map<Cell, Value> all(Warehouse warehouse, Indicator indicator, Confidence confidence, GroupScope groups) {
        String key = warehouse.file() + "|" + Snapshots.stateKey(warehouse, Indicator.sourcesRead(List.of(indicator))) + "|" + indicator.code() + "|" + indicator.martView() + "|"
                + indicator.method() + "|" + indicator.methodParam() + "|" + confidence.level() + "|" + groups;
        CompletableFuture<Map<Cell, Value>> mine = new CompletableFuture<>();
        CompletableFuture<Map<Cell, Value>> existing = CACHE.putIfAbsent(key, mine);
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            try {
                mine.complete(keptOrComputed(warehouse, indicator, confidence, groups));
            } catch (IllegalArgumentException e) {
                // the estimators refuse what they cannot compute (a catalogue option, a life table): said as an answer, never a crash
                throw new se.lagesbild.warehouse.WarehouseException("The survival indicator " + indicator.code() + " cannot be computed: "
                        + e.getMessage() + ".", e);
            }
        } catch (RuntimeException e) {
            CACHE.remove(key);
            mine.completeExceptionally(e);
            throw e;
        }
        var keys = CACHE.keySet().iterator();
        while (CACHE.size() > KEPT && keys.hasNext()) {
            String k = keys.next();
            if (!k.equals(key)) {
                keys.remove();
            }
        }
        return mine.join();
    }

    /** The kind of the survival cells kept in the warehouse (kept_result). */
    static final String KIND = "survival-cells";

    /**
     * The cells {@code marts} kept in the warehouse for exactly this state, else computed. A
     * request for some periods' and diagnoses' groups is answered from the kept cells of every group
     * when there are such: the same numbers ({@code GroupEquityTest} compares them).
     */
    private static Map<Cell, Value> keptOrComputed(Warehouse warehouse, Indicator indicator, Confidence confidence, GroupScope groups) {
        byte[] kept = Kept.read(warehouse, KIND, keptKey(warehouse, indicator, confidence, groups));
        if (kept != null) {
            return unpacked(kept);
        }
        if (groups != null && !groups.everything()) {
            byte[] every = Kept.read(warehouse, KIND, keptKey(warehouse, indicator, confidence, GroupScope.ALL));
            if (every != null) {
                Map<Cell, Value> asked = new LinkedHashMap<>();
                unpacked(every).forEach((cell, value) -> {
                    if (EquityGroups.isGroup(cell.ageGroupCode()) && groups.diagnoses().contains(cell.diagnosisCode())
                            && groups.periods().contains(Integer.valueOf(cell.periodCode()))) {
                        asked.put(cell, value);
                    }
                });
                return asked;
            }
        }
        return compute(warehouse, indicator, confidence, groups);
    }

    /**
     * Keeps the indicator's cells at {@code confidence}, without the groups' estimates and with them,
     * in the warehouse for later processes ({@code marts}), computing (or taking from memory) those
     * not kept yet. Returns the periods with cells, and whether anything was computed.
     */
    public static Kept.Outcome<java.util.SortedSet<String>> keep(Warehouse warehouse, Indicator indicator, Confidence confidence) {
        boolean computed = false;
        java.util.SortedSet<String> periods = new java.util.TreeSet<>();
        for (GroupScope scope : java.util.Arrays.asList(null, GroupScope.ALL)) {
            String key = keptKey(warehouse, indicator, confidence, scope);
            if (!Kept.confirm(warehouse, KIND, key)) {
                Kept.write(warehouse, KIND, key, packed(all(warehouse, indicator, confidence, scope)));
                computed = true;
            }
        }
        all(warehouse, indicator, confidence, null).keySet().forEach(c -> periods.add(c.periodCode()));
        return new Kept.Outcome<>(periods, computed);
    }

    /** A kept computation's key: the indicator's definition, the confidence, the groups, the thresholds, the exact batches and the code. */
    private static String keptKey(Warehouse warehouse, Indicator indicator, Confidence confidence, GroupScope groups) {
        return indicator.code() + "|" + indicator.martView() + "|" + indicator.method() + "|" + indicator.methodParam() + "|"
                + indicator.methodOptions() + "|" + confidence.level() + "|" + groups + "|"
                + DisclosureThresholds.of(warehouse) + "|"
                + Kept.batches(warehouse, Indicator.sourcesRead(List.of(indicator))) + "|" + Kept.code();
    }

    private static byte[] packed(Map<Cell, Value> cells) {
        var out = new Packed.Out();
        out.integer(cells.size());
        cells.forEach((cell, v) -> {
            cell.writeTo(out);
            write(out, v.estimate());
            write(out, v.wide());
            out.number(v.patients()).text(v.method());
        });
        return out.bytes();
    }

    private static Map<Cell, Value> unpacked(byte[] bytes) {
        var in = new Packed.In(bytes);
        Map<Cell, Value> cells = new LinkedHashMap<>();
        for (int n = in.integer(); n > 0; n--) {
            Cell cell = Cell.readFrom(in);
            cells.put(cell, new Value(read(in), read(in), in.number(), in.text()));
        }
        return cells;
    }

    private static void write(Packed.Out out, SurvivalEstimate e) {
        out.number(e.days()).number(e.value()).number(e.logStandardError()).number(e.lower()).number(e.upper()).number(e.atRisk())
                .number(e.patients()).text(e.note()).number(e.ceiling());
    }

    private static SurvivalEstimate read(Packed.In in) {
        return new SurvivalEstimate(in.number(), in.number(), in.number(), in.number(), in.number(), in.number(), in.number(), in.text(),
                in.number());
    }

    /** Units (region × split municipality) and the geography cells each counts in. */
    private record Geography(Map<String, Integer> units, Map<String, List<Integer>> cellUnits) {
    }

    private static Geography geography(Warehouse warehouse) {
        Map<String, Integer> units = new LinkedHashMap<>();
        Map<String, List<Integer>> cellUnits = new TreeMap<>();
        warehouse.dsl().resultQuery("SELECT region_code, split_municipality_code, geo_level, geo_code FROM int_geography_bridge"
                        + " WHERE weight > 0 ORDER BY region_code, split_municipality_code, geo_level, geo_code")
                .forEach(r -> {
                    String unit = r.get(0, String.class) + "/" + r.get(1, String.class);
                    int index = units.computeIfAbsent(unit, k -> units.size());
                    cellUnits.computeIfAbsent(r.get(2, String.class) + "/" + r.get(3, String.class), k -> new ArrayList<>()).add(index);
                });
        return new Geography(units, cellUnits);
    }

    /** Riket's ("00") and any region's life tables, by region. */
    static Map<String, LifeTable> lifeTables(Warehouse warehouse) {
        Map<String, List<LifeTable.Row>> rows = new TreeMap<>();
        warehouse.dsl().resultQuery("SELECT region_code, year, sex_code, age, death_probability FROM stg_life_table")
                .forEach(r -> rows.computeIfAbsent(r.get(0, String.class), k -> new ArrayList<>())
                        .add(new LifeTable.Row(r.get(1, Integer.class), r.get(2, Integer.class), r.get(3, Integer.class), r.get(4, Double.class))));
        Map<String, LifeTable> tables = new TreeMap<>();
        rows.forEach((region, r) -> tables.put(region, LifeTable.of(r)));
        return tables;
    }

    /** What the engine needs to compute one indicator's cells. */
    private record Plan(boolean net, double[] at, int horizon, SurvivalOptions options, Map<String, LifeTable> tables, Geography geography,
                        Exclusions exclusions, Confidence confidence, GroupScope groups) {
        double years() {
            return at[at.length - 1] / LifeTable.YEAR_DAYS;
        }

        boolean groupEstimates() {
            return groups != null;
        }

        /** Only the groups' cells of some periods and diagnoses: no region's sums, no group's count alone. */
        boolean groupsOnly() {
            return groups != null && !groups.everything();
        }
    }

    private static Map<Cell, Value> compute(Warehouse warehouse, Indicator indicator, Confidence confidence, GroupScope groupScope) {
        boolean net = indicator.method().equals("net_survival");
        double years = indicator.methodParam() == null ? 5 : indicator.methodParam();
        SurvivalOptions options = SurvivalOptions.of(indicator.methodOptions());
        double[] at = SurvivalOptions.grid(years);
        int horizon = Survival.horizonFor(at);
        Map<String, LifeTable> tables = net ? lifeTables(warehouse) : Map.of();
        Map<Cell, Value> cells = new LinkedHashMap<>();
        if (net && !tables.containsKey("00")) {
            return cells; // no life table: no net survival (the status and the catalogue say which source is missing)
        }
        Plan plan = new Plan(net, at, horizon, options, tables, geography(warehouse), Exclusions.of(warehouse, indicator.martView()),
                confidence, groupScope);
        String source = Marts.source(warehouse, indicator.martView());
        // the mart is a chain of views: read it once, in diagnosis order, and compute each diagnosis group as it ends;
        String groups = Observations.hasColumn(warehouse, source, "education_code") ? ", education_code, birth_country_code, income_code"
                : ", NULL, NULL, NULL";
        try (var cursor = warehouse.dsl().resultQuery("SELECT region_code, split_municipality_code, sex_code, age_days, diagnosis_date,"
                + " exit_days, died, icss_standard, age_group_code, follow_up_until, diagnosis_code" + groups + " FROM \"" + source + "\""
                + (plan.groupsOnly() ? " WHERE diagnosis_code IN (" + String.join(", ", java.util.Collections.nCopies(groupScope.diagnoses().size(),
                        "?")) + ")" : "")
                // a total order: sums in another order differ in the last bits, and a re-run must give the same numbers
                + " ORDER BY diagnosis_code, region_code, split_municipality_code, sex_code, diagnosis_date, age_days, exit_days, died",
                plan.groupsOnly() ? groupScope.diagnoses().toArray() : new Object[0])
                .fetchLazy()) {
            // each group on one of the machine's cores while the next is read; merged in diagnosis order, so a run's cells are the same
            java.util.ArrayDeque<java.util.concurrent.Future<Map<Cell, Value>>> running = new java.util.ArrayDeque<>();
            List<Record> rows = new ArrayList<>();
            String diagnosis = null;
            for (Record r : cursor) {
                String code = r.get(10, String.class);
                if (diagnosis != null && !diagnosis.equals(code)) {
                    submit(running, rows, diagnosis, plan, cells);
                    rows = new ArrayList<>();
                }
                diagnosis = code;
                rows.add(r);
            }
            if (diagnosis != null) {
                submit(running, rows, diagnosis, plan, cells);
            }
            while (!running.isEmpty()) {
                cells.putAll(finished(running.poll()));
            }
        }
        return cells;
    }

    /** Diagnosis groups computed at once: one per core. */
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    /** Threads for the diagnosis groups, one per core; daemons, so an idle pool never keeps a process alive. */
    private static final java.util.concurrent.ExecutorService GROUPS = java.util.concurrent.Executors.newFixedThreadPool(CORES, task -> {
        Thread t = new Thread(task, "survival-groups");
        t.setDaemon(true);
        return t;
    });

    /** Starts one diagnosis group; with a group per core under way, first waits for the oldest and adds its cells. */
    private static void submit(java.util.ArrayDeque<java.util.concurrent.Future<Map<Cell, Value>>> running, List<Record> rows, String diagnosis,
                               Plan plan, Map<Cell, Value> cells) {
        running.add(GROUPS.submit(() -> group(rows, diagnosis, plan)));
        while (running.size() > CORES) {
            cells.putAll(finished(running.poll()));
        }
    }

    private static Map<Cell, Value> finished(java.util.concurrent.Future<Map<Cell, Value>> group) {
        try {
            return group.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new se.lagesbild.warehouse.WarehouseException("Interrupted while computing survival.", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }

    /** One diagnosis group's cells from its patients' rows. */
    private static Map<Cell, Value> group(List<Record> rows, String diagnosis, Plan plan) {
        boolean net = plan.net();
        boolean standardise = net && plan.options().standardised();
        Map<Cell, Value> cells = new LinkedHashMap<>();
        LocalDate closing = rows.get(0).get(9, LocalDate.class);
        int lastPeriod = closing.plusDays(1).getYear() - 1; // the last year whose 31 December the closing date reaches
        AgeStandardisedSurvival.Standard standard = AgeStandardisedSurvival.Standard.of(rows.get(0).get(7, String.class));
        String ageGroup = rows.get(0).get(8, String.class);
        int groups = standardise ? AgeStandardisedSurvival.GROUPS.size() : 1;
        int units = plan.geography().units().size();
        int horizon = plan.horizon();
        // atoms[period][unit][sex - 1][age group]; Riket's by population group: groupAtoms[group][period][sex - 1][age group]
        Map<Integer, SurvivalSums[][][]> atoms = new TreeMap<>();
        Map<String, Map<Integer, SurvivalSums[][]>> groupAtoms = new TreeMap<>();
        // without the groups' estimates only their patients are counted: groupCounts[group][period][sex - 1]
        Map<String, Map<Integer, double[]>> groupCounts = new TreeMap<>();
        java.util.Set<Integer> yearsUsed = new java.util.TreeSet<>();
        for (Record r : rows) {
            Integer unit = plan.geography().units().get(r.get(0, String.class) + "/" + r.get(1, String.class));
            if (unit == null) {
                continue;
            }
            int sex = r.get(2, Integer.class);
            int ageDays = r.get(3, Integer.class);
            int k = standardise ? Math.max(0, AgeStandardisedSurvival.group(ageDays)) : 0;
            LocalDate dx = r.get(4, LocalDate.class);
            int dxYear = dx.getYear();
            SurvivalPatient p = SurvivalPatient.cohort(sex, ageDays, dx.toEpochDay(), r.get(5, Integer.class), r.get(6, Boolean.class));
            LifeTable table = net ? plan.tables().getOrDefault(r.get(0, String.class), plan.tables().get("00")) : null;
            if (net) {
                for (int y = dxYear; y <= Math.min(lastPeriod, dxYear + (int) Math.ceil(plan.years())); y++) {
                    yearsUsed.add(y);
                }
            }
            if (!plan.groupsOnly()) {
                add(plan, p, table, dxYear, lastPeriod, period -> {
                    SurvivalSums[][][] w = atoms.computeIfAbsent(period, y -> new SurvivalSums[units][2][groups]);
                    if (w[unit][sex - 1][k] == null) {
                        w[unit][sex - 1][k] = new SurvivalSums(horizon, net);
                    }
                    return w[unit][sex - 1][k];
                });
            }
            for (int d = 0; d < GROUP_DIMENSIONS.size(); d++) {
                String code = r.get(11 + d, String.class);
                if (code == null) {
                    continue;
                }
                String groupCell = GROUP_DIMENSIONS.get(d) + EquityGroups.SEPARATOR + code;
                if (plan.groupEstimates()) {
                    Map<Integer, SurvivalSums[][]> byPeriod = groupAtoms.computeIfAbsent(groupCell, g -> new TreeMap<>());
                    add(plan, p, table, dxYear, lastPeriod, period -> {
                        if (plan.groupsOnly() && !plan.groups().periods().contains(period)) {
                            return null;
                        }
                        SurvivalSums[][] w = byPeriod.computeIfAbsent(period, y -> new SurvivalSums[2][groups]);
                        if (w[sex - 1][k] == null) {
                            w[sex - 1][k] = new SurvivalSums(horizon, net);
                        }
                        return w[sex - 1][k];
                    });
                } else {
                    Map<Integer, double[]> byPeriod = groupCounts.computeIfAbsent(groupCell, g -> new TreeMap<>());
                    for (int period : windows(plan, p, dxYear, lastPeriod)) {
                        byPeriod.computeIfAbsent(period, y -> new double[2])[sex - 1]++;
                    }
                }
            }
        }
        String tableNote = net ? plan.tables().get("00").nearestYearNote(yearsUsed) : "";
        String method = !net ? methodName("observed_survival") + ", " + plan.options().words()
                : standardise ? methodName("net_survival") + ", ICSS " + standard.name().substring(4) + " (Brenner's weights), " + plan.options().words()
                : methodName("net_survival") + ", not age-standardised, " + plan.options().words();
        if (!tableNote.isEmpty()) {
            method += "; " + tableNote;
        }
        // the windows with patients (a group's are its patients' windows: among the regions' unless only groups are computed)
        java.util.TreeSet<Integer> windows = new java.util.TreeSet<>(atoms.keySet());
        groupAtoms.values().forEach(byPeriod -> windows.addAll(byPeriod.keySet()));
        for (int year : windows) {
            String period = String.valueOf(year);
            String periodMethod = method + plan.exclusions().note(diagnosis, sourceYears(plan, year));
            SurvivalSums[][][] w = atoms.get(year);
            for (var geo : w == null ? java.util.Set.<Map.Entry<String, List<Integer>>>of() : plan.geography().cellUnits().entrySet()) {
                String[] levelCode = geo.getKey().split("/");
                List<SurvivalSums[][]> parts = geo.getValue().stream().map(unit -> w[unit]).toList();
                for (int sex = 1; sex <= 3; sex++) {
                    cell(cells, new Cell(period, levelCode[0], levelCode[1], diagnosis, sex, ageGroup), parts, sex, standard, groups, plan,
                            periodMethod);
                }
            }
            for (var group : groupAtoms.entrySet()) {
                SurvivalSums[][] g = group.getValue().get(year);
                if (g != null) {
                    for (int sex = 1; sex <= 3; sex++) {
                        cell(cells, new Cell(period, "country", "00", diagnosis, sex, group.getKey()), java.util.Collections.singletonList(g), sex,
                                standard, groups, plan, periodMethod);
                    }
                }
            }
            for (var group : groupCounts.entrySet()) {
                double[] n = group.getValue().get(year);
                if (n != null) {
                    for (int sex = 1; sex <= 3; sex++) {
                        counted(cells, new Cell(period, "country", "00", diagnosis, sex, group.getKey()), sex == 3 ? n[0] + n[1] : n[sex - 1],
                                plan, periodMethod);
                    }
                }
            }
        }
        return cells;
    }

    /** The population-group dimensions a survival mart may carry, in its columns' order (education_code, birth_country_code, income_code). */
    private static final List<String> GROUP_DIMENSIONS = List.of("education", "birth_country", "income");

    /**
     * The windows (periods) in which {@link #add} counts a patient: those where it is under
     * observation for at least a day before the horizon.
     */
    private static List<Integer> windows(Plan plan, SurvivalPatient p, int dxYear, int lastPeriod) {
        List<Integer> periods = new ArrayList<>();
        if (!p.observed()) {
            return periods;
        }
        if (plan.options().analysis() == SurvivalOptions.Analysis.COHORT) {
            if (dxYear <= lastPeriod) {
                periods.add(dxYear);
            }
            return periods;
        }
        for (int year : SurvivalSums.calendarYears(p, plan.horizon())) {
            if (year <= lastPeriod && (plan.options().analysis() == SurvivalOptions.Analysis.PERIOD || year > dxYear)) {
                periods.add(year);
            }
        }
        return periods;
    }

    /** A group cell with its patients only: its estimate is computed when a group's value is asked for. */
    private static void counted(Map<Cell, Value> cells, Cell cell, double patients, Plan plan, String periodMethod) {
        if (patients > 0) {
            double days = plan.at()[plan.at().length - 1];
            SurvivalEstimate none = notAvailable(days, patients, "not computed: ask for the population group");
            cells.put(cell, new Value(none, none, patients, periodMethod));
        }
    }

    /** Adds one patient to the sums of the windows the analysis puts it in ({@code atom}: the sums of a window, or null to skip it). */
    private static void add(Plan plan, SurvivalPatient p, LifeTable table, int dxYear, int lastPeriod,
                            java.util.function.IntFunction<SurvivalSums> atom) {
        int horizon = plan.horizon();
        boolean net = plan.net();
        switch (plan.options().analysis()) {
            case PERIOD -> SurvivalSums.addByCalendarYear(p, table, year -> year > lastPeriod ? null : atom.apply(year), horizon, net);
            case HYBRID -> SurvivalSums.addByCalendarYear(p, table, year -> year > lastPeriod || year <= dxYear ? null : atom.apply(year),
                    horizon, net);
            case COHORT -> {
                SurvivalSums sums = dxYear <= lastPeriod ? atom.apply(dxYear) : null;
                if (sums != null) {
                    sums.add(p, table);
                }
            }
        }
    }

    /**
     * One cell from the sums of its parts (each [sex − 1][age group]: a geography's units, or Riket's
     * population group): both sexes added for sex 3, net survival standardised with Brenner's weights.
     */
    private static void cell(Map<Cell, Value> cells, Cell cell, List<SurvivalSums[][]> parts, int sex, AgeStandardisedSurvival.Standard standard,
                             int groups, Plan plan, String periodMethod) {
        boolean standardise = plan.net() && plan.options().standardised();
        int[] sexes = sex == 3 ? new int[] {0, 1} : new int[] {sex - 1};
        // patients per age group first: Brenner's weight of a group is W_k n / n_k in this cell
        double[] n = new double[groups];
        for (SurvivalSums[][] part : parts) {
            for (int x : sexes) {
                for (int k = 0; k < groups; k++) {
                    n[k] += part[x][k] == null ? 0 : part[x][k].patients();
                }
            }
        }
        double patients = java.util.Arrays.stream(n).sum();
        if (patients == 0) {
            return;
        }
        String empty = null;
        double[] coefficient = new double[groups];
        for (int k = 0; k < groups; k++) {
            double weight = standardise ? standard.weight(k) : 1;
            if (standardise && weight > 0 && n[k] == 0) {
                empty = AgeStandardisedSurvival.GROUPS.get(k);
            }
            coefficient[k] = n[k] == 0 ? 0 : standardise ? weight * patients / n[k] : 1;
        }
        double days = plan.at()[plan.at().length - 1];
        if (empty != null) {
            String why = "not standardised: no patients aged " + empty;
            cells.put(cell, new Value(notAvailable(days, patients, why), notAvailable(days, patients, why), patients, periodMethod));
            return;
        }
        SurvivalSums combined = new SurvivalSums(plan.horizon(), plan.net());
        for (SurvivalSums[][] part : parts) {
            for (int x : sexes) {
                for (int k = 0; k < groups; k++) {
                    if (part[x][k] != null) {
                        combined.add(part[x][k], coefficient[k]);
                    }
                }
            }
        }
        cells.put(cell, value(combined, plan, patients, periodMethod));
    }

    /** The years of diagnosis a period's patients come from, by the analysis. */
    private static int[] sourceYears(Plan plan, int period) {
        int back = (int) Math.ceil(plan.years());
        return switch (plan.options().analysis()) {
            case COHORT -> new int[] {period, period};
            case PERIOD -> new int[] {period - back, period};
            case HYBRID -> new int[] {period - back, period - 1};
        };
    }

    /** The estimator of a survival method of the catalogue, as values name it ("Pohar Perme net survival"); null for other methods. */
    public static String methodName(String catalogueMethod) {
        return switch (catalogueMethod) {
            case "net_survival" -> "Pohar Perme net survival";
            case "observed_survival" -> "Kaplan–Meier observed survival";
            default -> null;
        };
    }

    private static SurvivalEstimate notAvailable(double days, double patients, String why) {
        return SurvivalEstimate.notAvailable(days, 0, patients, why);
    }

    /**
     * The cell's estimate at both confidence levels from one reading of its sums, at the indicator's
     * time (the last of the grid). An estimate whose follow-up does not reach the time (the
     * period's patients were not followed that long, as in the register's first years) is not
     * available: it would be the value at the last follow-up time.
     */
    private static Value value(SurvivalSums sums, Plan plan, double patients, String method) {
        double[] at = plan.at();
        double days = at[at.length - 1];
        List<SurvivalEstimate> all = plan.net() ? Survival.poharPerme(sums, at, plan.confidence())
                : Survival.kaplanMeier(sums, at, plan.confidence());
        SurvivalEstimate e = all.get(at.length - 1);
        if (e.available() && !Survival.followedUp(sums, days)) {
            SurvivalEstimate none = notAvailable(days, patients, "no patient in the period is followed up " + Math.round(days / LifeTable.YEAR_DAYS)
                    + " years (the register's first years, or too few patients)");
            return new Value(none, none, patients, method);
        }
        return new Value(e, e.atLevel(Confidence.NINETY_NINE_POINT_EIGHT), patients, method);
    }

    /** For tests: forget every kept result. */
    static void forget() {
        CACHE.clear();
    }
}
