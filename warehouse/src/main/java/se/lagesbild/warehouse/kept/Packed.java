package se.lagesbild.warehouse.kept;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    /** Writes a result (big-endian, as {@link java.io.DataOutputStream} would; into memory, so nothing can fail). */
    public static final class Out {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        private final ByteBuffer scratch = ByteBuffer.allocate(Long.BYTES);
        private final Map<String, Integer> texts = new HashMap<>();

        public Out integer(int value) {
            bytes.write(scratch.clear().putInt(value).array(), 0, Integer.BYTES);
            return this;
        }

        public Out number(double value) {
            bytes.write(scratch.clear().putDouble(value).array(), 0, Double.BYTES);
            return this;
        }

        /** A text, null included: its number in the dictionary, and the text itself the first time. */
        public Out text(String value) {
            if (value == null) {
                return integer(-1);
            }
            Integer known = texts.get(value);
            if (known != null) {
                return integer(known);
            }
            texts.put(value, texts.size());
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            integer(-2).integer(utf8.length);
            bytes.write(utf8, 0, utf8.length);
            return this;
        }

        public byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    /** Reads a result written by {@link Out}; bytes cut short end in a {@link java.nio.BufferUnderflowException}. */
    public static final class In {
        private final ByteBuffer data;
        private final List<String> texts = new ArrayList<>();

        public In(byte[] bytes) {
            this.data = ByteBuffer.wrap(bytes);
        }

        public int integer() {
            return data.getInt();
        }

        public double number() {
            return data.getDouble();
        }

        public String text() {
            int n = integer();
            if (n == -1) {
                return null;
            }
            if (n >= 0) {
                return texts.get(n);
            }
            byte[] utf8 = new byte[data.getInt()];
            data.get(utf8);
            String value = new String(utf8, StandardCharsets.UTF_8);
            texts.add(value);
            return value;
        }
    }
}
