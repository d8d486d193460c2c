package se.lagesbild.warehouse.kept;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A kept result's bytes: numbers as they are (a double's exact bits) and texts through a dictionary,
 * each distinct text written once (cells repeat their period, geography and diagnosis codes
 * hundreds of thousands of times). What one {@link Out} writes, one {@link In} reads in the same order.
 */
public final class Packed {
    private Packed() {
    }

    /** Writes a result. */
    public static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        private final DataOutputStream data = new DataOutputStream(bytes);
        private final Map<String, Integer> texts = new HashMap<>();

        public Out integer(int value) {
            try {
                data.writeInt(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public Out number(double value) {
            try {
                data.writeDouble(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** A text, null included: its number in the dictionary, and the text itself the first time. */
        public Out text(String value) {
            try {
                if (value == null) {
                    data.writeInt(-1);
                    return this;
                }
                Integer known = texts.get(value);
                if (known != null) {
                    data.writeInt(known);
                    return this;
                }
                texts.put(value, texts.size());
                data.writeInt(-2);
                byte[] utf8 = value.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                data.writeInt(utf8.length);
                data.write(utf8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** Reads a result written by {@link Out}. */
    public static final class In {
        private final DataInputStream data;
        private final List<String> texts = new ArrayList<>();

        public In(byte[] bytes) {
            this.data = new DataInputStream(new ByteArrayInputStream(bytes));
        }

        public int integer() {
            try {
                return data.readInt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public double number() {
            try {
                return data.readDouble();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            int n = integer();
            if (n == -1) {
                return null;
            }
            if (n >= 0) {
                return texts.get(n);
            }
            try {
                byte[] utf8 = new byte[data.readInt()];
                data.readFully(utf8);
                String value = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
                texts.add(value);
                return value;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
