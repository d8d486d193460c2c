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
 * format, and for CSV the line ending, the delimiter, the header, which records are blank, how
 * many data records there are, and where a quoted field runs over a line break.
 *
 * <p>Records are counted as DuckDB's CSV reader counts lines ({@link CsvScan}): the header is
 * record 1, a blank line is a record of its own. The pass streams the file in 1 MiB blocks:
 * memory does not grow with the file. What cannot be a CSV file of a source is refused before
 * DuckDB reads it, with the file and what to do: UTF-16 text, NUL bytes or a header line longer
 * than 64 KiB (a file without line breaks), more than {@link #MAX_COLUMNS} columns.
 *
 * @param lineEnding   LF, CRLF or CR (old Mac files: read as they are)
 * @param blankRecords numbers of the blank records after the header, in order (at most
 *                     {@link CsvScan#MAX_BLANK_RECORDS}; more is an error)
 * @param dataRecords  records after the header, blank ones included (-1 until the full scan)
 * @param quoteSpan    the line where a quoted field opened that runs over a line break and the line
 *                     its record ends (0: the end of the file), or null
 * @param nulLine      the first line holding a NUL byte (0: none)
 * @param wrongFieldCounts lines whose number of fields differs from the header's, each {line, fields}
 */
public record InputFile(Path path, String sha256, long bytes, Format format, LineEnding lineEnding, char delimiter, List<String> header,
                        List<Long> blankRecords, long dataRecords, long[] quoteSpan, long nulLine,
                        List<long[]> wrongFieldCounts) {
    /** More header columns than any source has many times over: not a header. */
    static final int MAX_COLUMNS = 500;
    private static final int BLOCK = 1 << 20;

    /** File formats. */
    public enum Format { CSV, PARQUET }

    /** How lines end. */
    public enum LineEnding {
        LF("\\n"), CRLF("\\r\\n"), CR("\\r");

        private final String shown;

        LineEnding(String shown) {
            this.shown = shown;
        }

        byte terminator() {
            return this == CR ? (byte) '\r' : (byte) '\n';
        }

        @Override
        public String toString() {
            return name() + " (" + shown + ")";
        }
    }

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
        return inspect(file, StandardCharsets.UTF_8, null);
    }

    /**
     * Inspects {@code file}, reading its header in {@code encoding} (UTF-8 or ISO-8859-1), with
     * {@code delimiter} when given (else the most frequent of semicolon, comma and tab in the header).
     */
    public static InputFile inspect(Path file, java.nio.charset.Charset encoding, Character delimiter) {
        InputFile peeked = peek(file, encoding, delimiter);
        try {
            return peeked.format() == Format.PARQUET ? parquet(peeked.path()) : csv(peeked, encoding);
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + peeked.path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads only what is needed to start reading the file: its format, size and, for CSV, the line
     * ending, delimiter and header. SHA-256, blank records and counts come from {@link #inspect}.
     */
    public static InputFile peek(Path file, java.nio.charset.Charset encoding, Character delimiterGiven) {
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
                checkParquet(path, bytes);
                return new InputFile(path, null, bytes, Format.PARQUET, null, ',', List.of(), null, -1, null, 0, List.of());
            }
            byte[] start;
            try (InputStream in = Files.newInputStream(path)) {
                start = in.readNBytes(CsvScan.MAX_HEADER_BYTES);
            }
            refuseNonText(path, start);
            LineEnding ending = lineEnding(path, start, bytes);
            int end = 0;
            while (end < start.length && start[end] != ending.terminator()) {
                end++;
            }
            if (ending == LineEnding.CRLF && end > 0) {
                end--;
            }
            String headerLine = decodeHeader(path, java.util.Arrays.copyOf(start, end), encoding);
            char delimiter = delimiterGiven != null ? delimiterGiven : delimiter(headerLine);
            List<String> header = splitHeader(headerLine, delimiter);
            if (header.size() > MAX_COLUMNS) {
                throw new WarehouseException(path + " line 1 has " + header.size() + " columns (at most " + MAX_COLUMNS
                        + " are read): it is not a header. Check the delimiter (--delimiter) and that line 1 holds the column names.");
            }
            return new InputFile(path, null, bytes, Format.CSV, ending, delimiter, header, null, -1, null, 0, List.of());
        } catch (IOException e) {
            throw new WarehouseException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** UTF-16 and binary files are not CSV text: refused with what to do. */
    private static void refuseNonText(Path path, byte[] start) {
        boolean utf16Bom = start.length >= 2 && ((start[0] & 0xff) == 0xFF && (start[1] & 0xff) == 0xFE
                || (start[0] & 0xff) == 0xFE && (start[1] & 0xff) == 0xFF);
        int nul = -1;
        for (int i = 0; i < start.length && nul < 0; i++) {
            nul = start[i] == 0 ? i : -1;
        }
        if (utf16Bom || (nul >= 0 && nul < 4)) {
            throw new WarehouseException(path + " is UTF-16 text (or binary), not UTF-8 CSV. Save it as \"CSV UTF-8\" (or UTF-8 text)"
                    + " and load again.");
        }
        if (nul >= 0) {
            long line = 1;
            for (int i = 0; i < nul; i++) {
                line += start[i] == '\n' ? 1 : 0;
            }
            throw new WarehouseException(path + " line " + line + " holds a NUL byte (byte " + (nul + 1) + "): the file is damaged or"
                    + " binary, not CSV text. Export it again as CSV UTF-8.");
        }
    }

    /** LF, CRLF or CR, from the first line break in the first 64 KiB. */
    private static LineEnding lineEnding(Path path, byte[] start, long bytes) {
        for (int i = 0; i < start.length; i++) {
            if (start[i] == '\n') {
                return i > 0 && start[i - 1] == '\r' ? LineEnding.CRLF : LineEnding.LF;
            }
            if (start[i] == '\r' && (i + 1 == start.length || start[i + 1] != '\n')) {
                return i + 1 == start.length && bytes > start.length ? LineEnding.CRLF : LineEnding.CR;
            }
        }
        if (bytes > start.length) {
            throw new WarehouseException(path + " line 1 is longer than 64 KiB: no line break in the first " + start.length
                    + " bytes, so it is not a header of column names. Check that the file is a CSV export with one row per line.");
        }
        return LineEnding.LF;
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
        return new InputFile(path, HexFormat.of().formatHex(sha.digest()), bytes, Format.PARQUET, null, ',', List.of(), List.of(), -1, null, 0, List.of());
    }

    /**
     * A Parquet file starts and ends with "PAR1", and its footer's length (the 4 bytes before the end)
     * fits in the file: a truncated or damaged file is refused in words, before DuckDB reads it ("No
     * magic bytes found at end of file" said nothing a user could act on).
     */
    static void checkParquet(Path path, long bytes) throws IOException {
        byte[] head = new byte[4];
        byte[] tail = new byte[8];
        try (var channel = Files.newByteChannel(path)) {
            channel.read(java.nio.ByteBuffer.wrap(head));
            if (bytes >= 8) {
                channel.position(bytes - 8);
                channel.read(java.nio.ByteBuffer.wrap(tail));
            }
        }
        boolean starts = bytes >= 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1';
        boolean ends = bytes >= 12 && tail[4] == 'P' && tail[5] == 'A' && tail[6] == 'R' && tail[7] == '1';
        long footer = ((tail[0] & 0xFFL) | (tail[1] & 0xFFL) << 8 | (tail[2] & 0xFFL) << 16 | (tail[3] & 0xFFL) << 24);
        if (!starts || !ends || footer <= 0 || footer > bytes - 12) {
            throw new WarehouseException(path + " is not a whole Parquet file (" + bytes + " bytes): "
                    + (!starts ? "it does not begin with Parquet's mark PAR1" : !ends ? "it does not end with Parquet's footer and mark PAR1,"
                    + " so it was cut short or damaged in transfer" : "its footer's length does not fit the file, so it was cut short")
                    + ". Ask for the file again (or export it again), or deliver it as CSV. Nothing was loaded.");
        }
    }

    private static InputFile csv(InputFile peeked, java.nio.charset.Charset encoding) throws IOException {
        CsvScan scan = new CsvScan(peeked.lineEnding().terminator(), (byte) peeked.delimiter(), peeked.header().size());
        MessageDigest sha = newDigest();
        byte[] block = new byte[BLOCK];
        try (InputStream in = Files.newInputStream(peeked.path())) {
            for (int n; (n = in.read(block)) > 0; ) {
                sha.update(block, 0, n);
                scan.accept(block, n);
            }
        }
        scan.finish();
        if (scan.wrongFieldCounts.size() > CsvScan.MAX_BLANK_RECORDS) {
            throw new WarehouseException(peeked.path() + " has more than " + CsvScan.MAX_BLANK_RECORDS + " lines whose number of columns"
                    + " differs from the header's " + peeked.header().size() + " (line " + scan.wrongFieldCounts.get(0)[0]
                    + " has " + scan.wrongFieldCounts.get(0)[1] + "). Check the delimiter (--delimiter) and load again.");
        }
        if (scan.blank.size() > CsvScan.MAX_BLANK_RECORDS) {
            throw new WarehouseException(peeked.path() + " has more than " + CsvScan.MAX_BLANK_RECORDS
                    + " blank lines. Remove them and load again.");
        }
        return new InputFile(peeked.path(), HexFormat.of().formatHex(sha.digest()), scan.bytes, Format.CSV, peeked.lineEnding(),
                peeked.delimiter(), peeked.header(), scan.blank, scan.dataRecords(), scan.quoteSpanningLines(), scan.nulLine(),
                scan.wrongFieldCounts);
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
}
