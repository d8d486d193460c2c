package se.lagesbild.loaders;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import se.lagesbild.warehouse.WarehouseException;

/**
 * What one pass over a delivered file tells before anything is loaded: its SHA-256 and size, its
 * format, and for CSV the delimiter, the header and which records are blank.
 *
 * <p>Records are counted as DuckDB's CSV reader counts lines: the header is record 1, a blank
 * line is a record of its own, and a quoted value that spans lines keeps its record one record.
 * The pass streams the file in 1 MiB blocks: memory does not grow with the file.
 *
 * @param blankRecords numbers of the blank records after the header, in order (at most
 *                     {@link #MAX_BLANK_RECORDS}; more is an error)
 */
public record InputFile(Path path, String sha256, long bytes, Format format, char delimiter, List<String> header,
                        List<Long> blankRecords) {
    static final int MAX_BLANK_RECORDS = 100_000;
    private static final int BLOCK = 1 << 20;

    /** File formats. */
    public enum Format { CSV, PARQUET }

    /** The file's name, as shown in messages and lineage. */
    public String fileName() {
        return path.getFileName().toString();
    }

    /**
     * Inspects {@code file}.
     *
     * @throws WarehouseException if it is missing, empty, unreadable, or its header is not UTF-8 text
     */
    public static InputFile inspect(Path file) {
        return inspect(file, StandardCharsets.UTF_8);
    }

    /** Inspects {@code file}, reading its header in {@code encoding} (UTF-8 or ISO-8859-1). */
    public static InputFile inspect(Path file, java.nio.charset.Charset encoding) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new WarehouseException("Cannot read " + path + ": no such file (or not readable). Check the path.");
        }
        try {
            if (Files.size(path) == 0) {
                throw new WarehouseException(path + " is empty: it has no header and no rows. Check the export.");
            }
            return isParquet(path) ? parquet(path) : csv(path, encoding);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads only what is needed to start reading the file: its format, size and, for CSV, the
     * delimiter and header. SHA-256 and blank records are null here; {@link #inspect} gives them.
     */
    public static InputFile peek(Path file, java.nio.charset.Charset encoding) {
        Path path = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new WarehouseException("Cannot read " + path + ": no such file (or not readable). Check the path.");
        }
        try {
            long bytes = Files.size(path);
            if (bytes == 0) {
                throw new WarehouseException(path + " is empty: it has no header and no rows. Check the export.");
            }
            if (isParquet(path)) {
                return new InputFile(path, null, bytes, Format.PARQUET, ',', List.of(), null);
            }
            byte[] start;
            try (InputStream in = Files.newInputStream(path)) {
                start = in.readNBytes(1 << 16);
            }
            int end = 0;
            while (end < start.length && start[end] != '\n') {
                end++;
            }
            String headerLine = decodeHeader(path, java.util.Arrays.copyOf(start, end), encoding);
            char delimiter = delimiter(headerLine);
            return new InputFile(path, null, bytes, Format.CSV, delimiter, splitHeader(headerLine, delimiter), null);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isParquet(Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'A' && magic[2] == 'R' && magic[3] == '1';
        }
    }

    private static InputFile parquet(Path path) throws IOException {
        MessageDigest sha = newDigest();
        long bytes = 0;
        byte[] block = new byte[BLOCK];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(block)) > 0; bytes += n) {
                sha.update(block, 0, n);
            }
        }
        return new InputFile(path, HexFormat.of().formatHex(sha.digest()), bytes, Format.PARQUET, ',', List.of(), List.of());
    }

    private static InputFile csv(Path path, java.nio.charset.Charset encoding) throws IOException {
        CsvScan scan = new CsvScan();
        MessageDigest sha = newDigest();
        byte[] block = new byte[BLOCK];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(block)) > 0; ) {
                sha.update(block, 0, n);
                scan.accept(block, n);
            }
        }
        scan.finish();
        if (scan.blank.size() > MAX_BLANK_RECORDS) {
            throw new WarehouseException(path + " has more than " + MAX_BLANK_RECORDS + " blank lines. Remove them and load again.");
        }
        String headerLine = decodeHeader(path, scan.headerBytes(), encoding);
        char delimiter = delimiter(headerLine);
        List<String> header = splitHeader(headerLine, delimiter);
        return new InputFile(path, HexFormat.of().formatHex(sha.digest()), scan.bytes, Format.CSV, delimiter, header, scan.blank);
    }

    private static String decodeHeader(Path path, byte[] header, java.nio.charset.Charset encoding) {
        int start = header.length >= 3 && (header[0] & 0xff) == 0xEF && (header[1] & 0xff) == 0xBB && (header[2] & 0xff) == 0xBF ? 3 : 0;
        try {
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(header, start, header.length - start)).toString().strip();
        } catch (CharacterCodingException e) {
            throw new WarehouseException(path + " line 1 (the header) is not UTF-8 text. Save the file as UTF-8"
                    + " (or load it with --encoding latin-1 if it is Latin-1/Windows-1252).", e);
        }
    }

    /** The delimiter is the most frequent of semicolon, comma and tab in the header. */
    static char delimiter(String headerLine) {
        long semicolons = headerLine.chars().filter(c -> c == ';').count();
        long commas = headerLine.chars().filter(c -> c == ',').count();
        long tabs = headerLine.chars().filter(c -> c == '\t').count();
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static List<String> splitHeader(String line, char delimiter) {
        List<String> names = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                names.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        names.add(current.toString().trim());
        return names;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    /** Counts records and blank records byte by byte, quote-aware, and keeps the header line. */
    private static final class CsvScan {
        final List<Long> blank = new ArrayList<>();
        long bytes;
        private long record = 1;
        private boolean quoted;
        private boolean recordEmpty = true;
        private final java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();
        private boolean inHeader = true;

        void accept(byte[] block, int n) {
            bytes += n;
            int i = 0;
            if (inHeader) {
                while (i < n && block[i] != '\n') {
                    if (header.size() < 1 << 16) {
                        header.write(block[i]);
                    }
                    i++;
                }
                inHeader = i == n;
            }
            for (; i < n; i++) {
                byte b = block[i];
                if (b > '"') {
                    // every byte that matters ('\n', '\r', '"') is below '"'; most bytes are not
                    recordEmpty = false;
                } else if (b == '"') {
                    quoted = !quoted;
                    recordEmpty = false;
                } else if (b == '\n' && !quoted) {
                    if (recordEmpty && record > 1 && blank.size() <= MAX_BLANK_RECORDS) {
                        blank.add(record);
                    }
                    record++;
                    recordEmpty = true;
                } else if (b != '\r') {
                    recordEmpty = false;
                }
            }
        }

        void finish() {
            // A last record without a newline is a record; nothing to add for blanks.
        }

        byte[] headerBytes() {
            return header.toByteArray();
        }
    }
}
