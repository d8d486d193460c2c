package se.lagesbild.publishing.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import se.lagesbild.warehouse.dimensions.Dimensions;
import se.lagesbild.warehouse.indicators.Indicator;

/**
 * The language a reader sees: Swedish (the default, as Vårdanalys and Socialstyrelsen publish) or
 * English. Holds the texts of the report and the notebooks ({@code texts_sv.properties},
 * {@code texts_en.properties}, UTF-8) and writes numbers as the language does: Swedish with a
 * decimal comma and thin spaces between thousands ({@code 83,1 %}, {@code 1 234}), English with a
 * decimal point and commas ({@code 83.1 %}, {@code 1,234}); intervals as {@code (79,7–83,9)}.
 * Shares are written as per cent, their changes in percentage points. Spaces that must not break a
 * line are no-break spaces: the thin space between thousands is U+202F (narrow no-break space), the
 * space between a number and its unit U+00A0, so "553,4 per 100 000" stays on one line.
 */
public enum Language {
    SV("sv", "dag", "dagar", "procentenheter", "till", ',', '\u202F'),
    EN("en", "day", "days", "percentage points", "to", '.', ',');

    /** The minus sign of typeset numbers (U+2212), distinct from the hyphen and the interval's en dash. */
    public static final char MINUS = '\u2212';
    /** The no-break space between a number and its unit. */
    public static final char NBSP = '\u00A0';

    /** The environment variable and parameter value that chooses the language. */
    public static final String PARAMETER = "LAGESBILD_LANG";

    private final String code;
    private final String day;
    private final String days;
    private final String to;
    private final String points;
    private final char decimal;
    private final char grouping;
    private final Properties texts = new Properties();

    Language(String code, String day, String days, String points, String to, char decimal, char grouping) {
        this.code = code;
        this.day = day;
        this.days = days;
        this.to = to;
        this.points = points;
        this.decimal = decimal;
        this.grouping = grouping;
        String resource = "texts_" + code + ".properties";
        try (InputStream in = Language.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " beside " + Language.class.getName());
            }
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ISO 639-1 code: {@code sv} or {@code en}. */
    public String code() {
        return code;
    }

    /**
     * The language named {@code value} ({@code sv} or {@code en}, any case); Swedish when null or blank.
     *
     * @throws IllegalArgumentException naming {@code what} (a parameter or variable) and the languages there are
     */
    public static Language parse(String value, String what) {
        if (value == null || value.isBlank()) {
            return SV;
        }
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(value.trim())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(what + " must be sv (Swedish, the default) or en (English), not '"
                        + value + "'."));
    }

    /** The language {@code LAGESBILD_LANG} names; Swedish when it is not set. */
    public static Language fromEnvironment() {
        return parse(System.getenv(PARAMETER), "The environment variable " + PARAMETER);
    }

    /** Whether a text with this key exists. */
    public boolean has(String key) {
        return texts.containsKey(key);
    }

    /**
     * The text {@code key} with {@code {0}}, {@code {1}}, ... replaced by {@code args} (as written,
     * no quoting rules).
     *
     * @throws IllegalArgumentException when there is no such text: every text a reader sees is in both files
     */
    public String text(String key, Object... args) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No text '" + key + "' in texts_" + code + ".properties");
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * {@code text} with every agreement condition code before a colon ("LEAD_TIME_BREAST: threshold not
     * set") replaced by the condition's short name in this language ({@code condition.CODE}), where it has one.
     */
    public String conditionNames(String text) {
        return text == null ? null : CONDITION_CODE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                textOr("condition." + m.group(1), m.group(1)) + ":"));
    }

    private static final java.util.regex.Pattern CONDITION_CODE = java.util.regex.Pattern.compile("\\b([A-Z][A-Z0-9_]{2,}):");

    /** The text {@code key}, or {@code fallback} when there is none. */
    public String textOr(String key, String fallback) {
        return texts.getProperty(key, fallback);
    }

    /** The indicator's title in this language. */
    public String title(Indicator indicator) {
        return this == SV ? indicator.titleSv() : indicator.titleEn();
    }

    /** A dimension member's label in this language. */
    public String label(Dimensions.Member member) {
        return this == SV ? member.labelSv() : member.labelEn();
    }

    /** {@code value} with {@code decimals} decimals, thousands grouped. */
    public String number(double value, int decimals) {
        String root = String.format(Locale.ROOT, "%,." + decimals + "f", value);
        if (root.matches("-0([.,]0*)?")) {
            root = root.substring(1); // no "-0,0"
        }
        StringBuilder out = new StringBuilder(root.length());
        for (char c : root.toCharArray()) {
            out.append(c == ',' ? grouping : c == '.' ? decimal : c == '-' ? MINUS : c);
        }
        return out.toString();
    }

    /** A whole number, thousands grouped ({@code 12 345}). */
    public String count(long value) {
        return number(value, 0);
    }

    /** A value in its unit: a share as per cent ({@code 83,1 %}), a rate ({@code 553,4 per 100 000}), days ({@code 36 dagar}); "–" for none. */
    public String value(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        return switch (unit) {
            case "proportion" -> number(100 * value, 1) + NBSP + "%";
            case "days" -> number(value, 0) + NBSP + days(number(value, 0));
            default -> number(value, 1) + NBSP + unitLabel(unit);
        };
    }

    /** "dag" or "dagar" ("day", "days") as the number as written agrees: 1 dag, −1 dag, 0 or 2 dagar. */
    private String days(String written) {
        return written.replace(String.valueOf(MINUS), "").replace("-", "").equals("1") ? day : days;
    }

    /** An interval in the unit's scale without the unit: {@code (79,7–83,9)}; empty when either end is missing. */
    public String interval(Double lower, Double upper, String unit) {
        if (lower == null || upper == null || lower.isNaN() || upper.isNaN()) {
            return "";
        }
        // a dash between negative numbers reads as a minus: "(−44,7 till −8,9)" instead
        String between = lower < 0 || upper < 0 ? " " + to + " " : "–";
        return "(" + bare(lower, unit) + between + bare(upper, unit) + ")";
    }

    /** A value and its interval: {@code 83,1 % (79,7–83,9)}. */
    public String valueWithInterval(Double value, Double lower, Double upper, String unit) {
        String interval = interval(lower, upper, unit);
        return value(value, unit) + (interval.isEmpty() ? "" : " " + interval);
    }

    /** A difference in its unit, signed: shares in percentage points ({@code +2,3 procentenheter}); "–" for none. */
    public String change(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return "–";
        }
        String sign = value > 0 ? "+" : "";
        return switch (unit) {
            case "proportion" -> sign + number(100 * value, 1) + NBSP + points;
            case "days" -> sign + number(value, 0) + NBSP + days(number(value, 0));
            default -> sign + number(value, 1) + NBSP + unitLabel(unit);
        };
    }

    /** A p-value with three significant digits; {@code < 0,001} below a thousandth. */
    public String pValue(Double p) {
        if (p == null || p.isNaN()) {
            return "–";
        }
        if (p < 0.001) {
            return "< " + number(0.001, 3);
        }
        return number(p, p < 0.01 ? 4 : 3);
    }

    /** A p-value as a statement: {@code p = 0,012} or {@code p < 0,001}. */
    public String pStatement(Double p) {
        String value = pValue(p);
        return value.startsWith("<") ? "p " + value : "p = " + value;
    }

    /** An interval's ends without brackets or unit: {@code 79,7–83,9}; empty when either end is missing. */
    public String range(Double lower, Double upper, String unit) {
        String interval = interval(lower, upper, unit);
        return interval.isEmpty() ? "" : interval.substring(1, interval.length() - 1);
    }

    /** The unit as a reader sees it (rates: "per 100 000" with the language's grouping). */
    public String unitLabel(String unit) {
        return switch (unit) {
            case "proportion" -> "%";
            case "days" -> days;
            case "points" -> text("unit.points");
            case "per 100 000" -> "per" + NBSP + count(100_000);
            default -> unit;
        };
    }

    /**
     * A measure's unit as the data formats state it (JSON-stat's {@code unit.base}, the workbook's
     * unit column): a count "antal", a share "andel (0–1)" (stored as a fraction), else the unit.
     */
    public String measureBase(String unit, boolean count) {
        return count ? text("unit.count") : unit.equals("proportion") ? text("unit.share") : unitLabel(unit);
    }

    /** The decimals a measure is shown with: counts 0, shares (fractions) 4, others 1. */
    public static int measureDecimals(String unit, boolean count) {
        return count ? 0 : unit.equals("proportion") ? 4 : 1;
    }

    /** Items as a sentence lists them: "Sörmland", "Sörmland och Skåne", "Uppsala, Sörmland och Skåne". */
    public String list(java.util.List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + text("words.and") + " " + items.get(items.size() - 1);
    }

    /** "yes" or "no", or "–". */
    public String yesNo(Boolean value) {
        return value == null ? "–" : text(value ? "yes" : "no");
    }

    private String bare(double value, String unit) {
        return switch (unit) {
            case "proportion" -> number(100 * value, 1);
            case "days" -> number(value, 0);
            default -> number(value, 1);
        };
    }
}
