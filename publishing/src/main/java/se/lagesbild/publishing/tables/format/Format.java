package se.lagesbild.publishing.tables.format;

import java.util.Arrays;
import java.util.List;

/** The formats a table can be written in, by the {@code format} parameter's value. */
public enum Format {
    JSON("json", "application/json"),
    CSV("csv", "text/csv; charset=utf-8"),
    JSON_STAT2("json-stat2", "application/json"),
    ARROW("arrow", "application/vnd.apache.arrow.stream");

    private final String parameter;
    private final String contentType;

    Format(String parameter, String contentType) {
        this.parameter = parameter;
        this.contentType = contentType;
    }

    public String parameter() {
        return parameter;
    }

    public String contentType() {
        return contentType;
    }

    public static List<String> parameterValues() {
        return Arrays.stream(values()).map(Format::parameter).toList();
    }

    /** The format named by {@code value} of the format parameter, or null. */
    public static Format byParameter(String value) {
        return Arrays.stream(values()).filter(f -> f.parameter.equals(value)).findFirst().orElse(null);
    }

    /** The format an Accept header asks for first among ours; JSON when it names none. */
    public static Format byAccept(String accept) {
        if (accept == null) {
            return JSON;
        }
        for (String part : accept.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("text/csv")) {
                return CSV;
            }
            if (type.equals("application/vnd.apache.arrow.stream")) {
                return ARROW;
            }
            if (type.equals("application/json") || type.equals("*/*")) {
                return JSON;
            }
        }
        return JSON;
    }
}
