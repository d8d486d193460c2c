package se.lagesbild.publishing.tables;

/**
 * One column of a result table.
 *
 * @param role dimension (identifies a row; JSON-stat dimension), measure (a number; JSON-stat
 *             metric) or attribute (a property of the row, such as a reason)
 */
public record Column(String name, Type type, Role role) implements java.io.Serializable {
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN }

    public enum Role { DIMENSION, MEASURE, ATTRIBUTE }

    public static Column dimension(String name) {
        return new Column(name, Type.STRING, Role.DIMENSION);
    }

    public static Column integerDimension(String name) {
        return new Column(name, Type.INTEGER, Role.DIMENSION);
    }

    public static Column number(String name) {
        return new Column(name, Type.NUMBER, Role.MEASURE);
    }

    public static Column count(String name) {
        return new Column(name, Type.INTEGER, Role.MEASURE);
    }

    public static Column text(String name) {
        return new Column(name, Type.STRING, Role.ATTRIBUTE);
    }

    public static Column flag(String name) {
        return new Column(name, Type.BOOLEAN, Role.ATTRIBUTE);
    }
}
