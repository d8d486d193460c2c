package se.lagesbild.loaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's SQL from {@code sql/loaders/NAME.sql}, split into its sections:
 * {@code -- @typed} (one SELECT over {@code staging}), {@code -- @rule CODE} (SELECTs of
 * line_no, column_name, value, message over {@code typed}) and {@code -- @period} (one SELECT of
 * the first and last date over {@code loaded}).
 */
record LoaderSql(String typed, Map<String, String> rules, String period) {
    private static final String FOLDER = "lagesbild/sql/loaders/";

    static LoaderSql load(String resource) {
        String text = read(resource);
        String typed = null;
        String period = null;
        Map<String, String> rules = new LinkedHashMap<>();
        String section = null;
        List<String> lines = new ArrayList<>();
        for (String line : (text + "\n-- @end").split("\n")) {
            if (line.startsWith("-- @")) {
                String body = String.join("\n", lines).strip();
                if (section != null && section.equals("typed")) {
                    typed = body;
                } else if (section != null && section.equals("period")) {
                    period = body;
                } else if (section != null && section.startsWith("rule ")) {
                    rules.put(section.substring(5).strip(), body);
                }
                section = line.substring(4).strip();
                lines.clear();
            } else if (!line.startsWith("--")) {
                lines.add(line);
            }
        }
        if (typed == null || period == null) {
            throw new IllegalStateException(resource + " needs an @typed and a @period section");
        }
        return new LoaderSql(typed, rules, period);
    }

    /**
     * Whether the @typed section reads {@code column} as plain text: its item is exactly
     * {@code lb_text(raw_NAME) AS typed}, or that inside {@code upper(…)} or {@code lower(…)}. Such
     * a typed value is empty exactly when the delivered text is blank, so the text need not be kept.
     */
    boolean plainText(SourceFormat.Column column) {
        if (column.typed() == null) {
            return false;
        }
        String text = "lb_text\\(\\s*raw_" + java.util.regex.Pattern.quote(column.name()) + "\\s*\\)";
        return java.util.regex.Pattern.compile("(?:^|,)\\s*(?:" + text + "|(?:upper|lower)\\(\\s*" + text + "\\s*\\))\\s+AS\\s+\"?"
                + java.util.regex.Pattern.quote(column.typed()) + "\"?\\s*(?:,|$)", java.util.regex.Pattern.MULTILINE
                | java.util.regex.Pattern.CASE_INSENSITIVE).matcher(typed).find();
    }

    /** The shared parsing macros ({@code _functions.sql}), as separate statements. */
    static List<String> functions() {
        List<String> statements = new ArrayList<>();
        for (String statement : read("_functions.sql").split(";\\s*\n")) {
            String sql = statement.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
            if (!sql.isEmpty()) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String read(String resource) {
        try (InputStream in = LoaderSql.class.getClassLoader().getResourceAsStream(FOLDER + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + FOLDER + resource + " on the classpath (lagesbild-sql)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Reading " + resource + " failed", e);
        }
    }
}
