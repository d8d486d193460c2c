package se.lagesbild.api.pxweb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import se.lagesbild.warehouse.disclosure.ReleasedValue;
import se.lagesbild.warehouse.indicators.Cell;
import se.lagesbild.warehouse.indicators.EquityGroups;
import se.lagesbild.warehouse.indicators.Indicator;
import se.lagesbild.warehouse.stats.Estimate;

/**
 * One table's released values by cell, held compactly. Each dimension's codes are numbered, and a
 * cell is found by a binary search for a number made of its five codes' numbers: a selection numbers
 * its codes once ({@link #code}), then each cell costs a multiplication and a search ({@link #at}).
 *
 * <p>Most cells of a fine table are hidden, and a hidden cell says nothing but its method: it is kept
 * as its key and the method's number (12 bytes). A released cell keeps its eight numbers and four
 * texts in flat arrays (about 100 bytes). {@link #at} makes the {@link ReleasedValue} when asked.
 * Filled with {@link #put}, then {@link #seal}ed before the first lookup.
 */
public final class Cube {
    public static final int PERIOD = 0;
    public static final int GEO = 1;
    public static final int DIAGNOSIS = 2;
    public static final int SEX = 3;
    public static final int AGE = 4;

    /** A group table's code for the cell its groups add up to (the variable's elimination value). */
    public static final String TOTAL = "TOT";
    /** The cells a dimension's groups add up to, in the order one is chosen: all ages, else adults, else children. */
    static final List<String> TOTALS = List.of("ALL", "18+", "0-17");

    private static final int NUMBERS = 8;
    private static final int TEXTS = 4;

    private final Indicator indicator;
    /** The population dimension of a group table (its AGE codes are the groups' codes and TOTAL), or null. */
    private final String dimension;
    private final long batch;
    private final java.time.Instant loaded;
    private final List<Map<String, Integer>> codes = new ArrayList<>();
    private final List<List<String>> names = new ArrayList<>();
    /** Per GEO number its level; per AGE number the cell's own age group code (DIMENSION:GROUP in a group table). */
    private final List<String> geoLevels = new ArrayList<>();
    private final List<String> ageCells = new ArrayList<>();
    private final Map<String, Integer> textNumbers = new HashMap<>();
    private final List<String> texts = new ArrayList<>();
    private final Map<Object, Object> views = new ConcurrentHashMap<>();
    /** Periods with at least one value shown (not hidden, computed), and those with one for Riket. */
    private final Set<String> shown = new HashSet<>();
    private final Set<String> shownForRiket = new HashSet<>();

    private long[] keys = new long[16];
    /** ≥ 0: the released cell's row in {@link #numbers} and {@link #text}; < 0: hidden, -(its method's number) - 1. */
    private int[] slots = new int[16];
    private int size;
    private double[] numbers = new double[16 * NUMBERS];
    private int[] text = new int[16 * TEXTS];
    private boolean[] suppressed = new boolean[16];
    private int rows;
    private boolean sealed;

    Cube(Indicator indicator, String dimension, long batch, java.time.Instant loaded) {
        this.indicator = indicator;
        this.dimension = dimension;
        this.batch = batch;
        this.loaded = loaded;
        for (int d = 0; d <= AGE; d++) {
            codes.add(new HashMap<>());
            names.add(new ArrayList<>());
        }
    }

    /** An indicator's own table: every value under its own age group. */
    static Cube of(Indicator indicator, List<ReleasedValue> values, long batch, java.time.Instant loaded) {
        Cube cube = new Cube(indicator, null, batch, loaded);
        values.forEach(v -> cube.put(v, v.cell().ageGroupCode()));
        return cube.seal();
    }

    /**
     * A group table: the cells of {@code dimension}'s groups under the groups' own codes (FGY, SE,
     * Q1, ...), and the cell they add up to (the first of {@link #TOTALS} the values have) as
     * {@link #TOTAL}. Empty when the indicator's sources do not carry the dimension.
     */
    static Cube byGroup(Indicator indicator, String dimension, List<ReleasedValue> values, long batch, java.time.Instant loaded) {
        Cube cube = new Cube(indicator, dimension, batch, loaded);
        String prefix = dimension + EquityGroups.SEPARATOR;
        if (values.stream().noneMatch(v -> v.cell().ageGroupCode().startsWith(prefix))) {
            return cube.seal();
        }
        Set<String> ages = new HashSet<>();
        values.forEach(v -> ages.add(v.cell().ageGroupCode()));
        String total = TOTALS.stream().filter(ages::contains).findFirst().orElse(null);
        for (ReleasedValue v : values) {
            String age = v.cell().ageGroupCode();
            if (age.startsWith(prefix)) {
                cube.put(v, age.substring(prefix.length()));
            } else if (age.equals(total)) {
                cube.put(v, TOTAL);
            }
        }
        return cube.seal();
    }

    /** Adds a value under {@code ageCode} (its own, or its group's in a group table). */
    void put(ReleasedValue v, String ageCode) {
        Cell c = v.cell();
        long key = key(c, ageCode);
        if (hiddenAlike(v)) {
            add(key, -text(v.estimate().method()) - 1);
            return;
        }
        int row = rows++;
        if ((row + 1) * NUMBERS > numbers.length) {
            numbers = Arrays.copyOf(numbers, numbers.length * 2);
            text = Arrays.copyOf(text, text.length * 2);
            suppressed = Arrays.copyOf(suppressed, suppressed.length * 2);
        }
        Estimate e = v.estimate();
        Estimate l = v.limits998();
        double[] n = {v.numerator(), v.denominator(), e.value(), e.lower(), e.upper(), e.standardError(),
                l == null ? Double.NaN : l.lower(), l == null ? Double.NaN : l.upper()};
        System.arraycopy(n, 0, numbers, row * NUMBERS, NUMBERS);
        text[row * TEXTS] = text(e.method());
        text[row * TEXTS + 1] = l == null ? -2 : text(l.method());
        text[row * TEXTS + 2] = text(v.comparison());
        text[row * TEXTS + 3] = text(v.reason());
        suppressed[row] = v.suppressed();
        add(key, row);
        if (!v.suppressed() && !Double.isNaN(e.value())) {
            shown.add(c.periodCode());
            if (c.geoCode().equals("00")) {
                shownForRiket.add(c.periodCode());
            }
        }
    }

    /** A hidden value that says nothing but its method ({@link ReleasedValue#hidden}): kept as its key. */
    private static boolean hiddenAlike(ReleasedValue v) {
        return v.suppressed() && v.estimate().method() != null && v.equals(ReleasedValue.hidden(v.cell(), v.estimate().method()));
    }

    private long key(Cell c, String ageCode) {
        int p = number(PERIOD, c.periodCode());
        int g = number(GEO, c.geoCode());
        if (g == geoLevels.size()) {
            geoLevels.add(c.geoLevel());
        } else if (!geoLevels.get(g).equals(c.geoLevel())) {
            throw new IllegalStateException(c.geoCode() + " is both " + geoLevels.get(g) + " and " + c.geoLevel());
        }
        int d = number(DIAGNOSIS, c.diagnosisCode());
        int s = number(SEX, String.valueOf(c.sexCode()));
        int a = number(AGE, ageCode);
        if (a == ageCells.size()) {
            ageCells.add(c.ageGroupCode());
        }
        return key(p, g, d, s, a);
    }

    private void add(long key, int slot) {
        if (sealed) {
            throw new IllegalStateException("A sealed cube takes no more values");
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            slots = Arrays.copyOf(slots, size * 2);
        }
        keys[size] = key;
        slots[size] = slot;
        size++;
    }

    private int text(String s) {
        if (s == null) {
            return -1;
        }
        return textNumbers.computeIfAbsent(s, k -> {
            texts.add(k);
            return texts.size() - 1;
        });
    }

    private String text(int n) {
        return n < 0 ? null : texts.get(n);
    }

    /** Orders the cells by key for lookups and trims the arrays; the cube takes no more values. */
    Cube seal() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        long[] k = keys;
        Arrays.sort(order, (x, y) -> Long.compare(k[x], k[y]));
        long[] sortedKeys = new long[size];
        int[] sortedSlots = new int[size];
        for (int i = 0; i < size; i++) {
            sortedKeys[i] = keys[order[i]];
            sortedSlots[i] = slots[order[i]];
            if (i > 0 && sortedKeys[i] == sortedKeys[i - 1]) {
                throw new IllegalStateException(indicator.code() + " has two values for one cell");
            }
        }
        keys = sortedKeys;
        slots = sortedSlots;
        numbers = Arrays.copyOf(numbers, rows * NUMBERS);
        text = Arrays.copyOf(text, rows * TEXTS);
        suppressed = Arrays.copyOf(suppressed, rows);
        sealed = true;
        return this;
    }

    /** The population dimension of a group table, or null for the indicator's own table. */
    public String dimension() {
        return dimension;
    }

    /** The vintage the values are of: the newest load batch then. */
    public long batch() {
        return batch;
    }

    /** When that batch was loaded (UTC). */
    public java.time.Instant loaded() {
        return loaded;
    }

    /** Whether any value of {@code period} is shown (a period of only hidden or uncomputed cells is not offered). */
    public boolean shown(String period) {
        return shown.contains(period);
    }

    /** Whether Riket has a value shown in {@code period}. */
    public boolean shownForRiket(String period) {
        return shownForRiket.contains(period);
    }

    private int number(int dimension, String code) {
        Integer n = codes.get(dimension).get(code);
        if (n == null) {
            n = names.get(dimension).size();
            codes.get(dimension).put(code, n);
            names.get(dimension).add(code);
        }
        return n;
    }

    /** Every dimension has fewer than 2^12 codes: five numbers fit one long. */
    private static long key(int p, int g, int d, int s, int a) {
        return ((((long) p << 12 | g) << 12 | d) << 12 | s) << 12 | a;
    }

    public Indicator indicator() {
        return indicator;
    }

    /** The number of {@code code} in {@code dimension}, or -1 when the indicator has no cell with it. */
    public int code(int dimension, String code) {
        Integer n = codes.get(dimension).get(code);
        return n == null ? -1 : n;
    }

    /** The released value at the numbered codes, or null (also when any is -1). */
    public ReleasedValue at(int period, int geo, int diagnosis, int sex, int age) {
        if (period < 0 || geo < 0 || diagnosis < 0 || sex < 0 || age < 0) {
            return null;
        }
        int i = Arrays.binarySearch(keys, 0, size, key(period, geo, diagnosis, sex, age));
        return i < 0 ? null : value(i, period, geo, diagnosis, sex, age);
    }

    private ReleasedValue value(int i, int period, int geo, int diagnosis, int sex, int age) {
        Cell cell = new Cell(names.get(PERIOD).get(period), geoLevels.get(geo), names.get(GEO).get(geo), names.get(DIAGNOSIS).get(diagnosis),
                Integer.parseInt(names.get(SEX).get(sex)), ageCells.get(age));
        int slot = slots[i];
        if (slot < 0) {
            return ReleasedValue.hidden(cell, texts.get(-slot - 1));
        }
        int n = slot * NUMBERS;
        int t = slot * TEXTS;
        Estimate estimate = new Estimate(numbers[n + 2], numbers[n + 3], numbers[n + 4], text(text[t]), numbers[n + 5]);
        Estimate limits998 = text[t + 1] == -2 ? null : new Estimate(numbers[n + 2], numbers[n + 6], numbers[n + 7], text(text[t + 1]));
        return new ReleasedValue(cell, numbers[n], numbers[n + 1], estimate, limits998, text(text[t + 2]), suppressed[slot], text(text[t + 3]));
    }

    /** Every released value of the cube, in the order of its keys. */
    public List<ReleasedValue> values() {
        List<ReleasedValue> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(value(i));
        }
        return values;
    }

    /** The released values of the cells in {@code periods} (every other code), in the order of their keys. */
    public List<ReleasedValue> values(java.util.Collection<String> periods) {
        Set<Integer> wanted = new HashSet<>();
        periods.forEach(p -> wanted.add(code(PERIOD, p)));
        List<ReleasedValue> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (wanted.contains((int) (keys[i] >>> 48))) {
                values.add(value(i));
            }
        }
        return values;
    }

    /** The released value of the {@code i}-th key, its five code numbers read from the key. */
    private ReleasedValue value(int i) {
        long k = keys[i];
        return value(i, (int) (k >>> 48), (int) (k >>> 36) & 0xFFF, (int) (k >>> 24) & 0xFFF, (int) (k >>> 12) & 0xFFF, (int) k & 0xFFF);
    }

    /** The codes of a dimension that have a cell. */
    public Set<String> codes(int dimension) {
        return codes.get(dimension).keySet();
    }

    public int size() {
        return size;
    }

    /** A view of this cube made once and kept as long as the cube (a table's variables in one language, say). */
    @SuppressWarnings("unchecked")
    public <T> T view(Object key, java.util.function.Supplier<T> make) {
        return (T) views.computeIfAbsent(key, k -> make.get());
    }
}
