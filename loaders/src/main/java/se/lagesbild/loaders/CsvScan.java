package se.lagesbild.loaders;

import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a CSV file's bytes, block by block, that counts its records the way DuckDB's CSV
 * reader splits them: the header is record 1, a blank line is a record of its own, and a quote
 * opens a quoted field only at the start of a field (elsewhere it is an ordinary character, as
 * DuckDB reads it); inside a quoted field a doubled quote is a quote. Records end at the file's
 * line terminator ({@code \n}, which also ends {@code \r\n}, or {@code \r} alone for a file with
 * old Mac line endings).
 *
 * <p>It also finds the first quoted field that runs over a line break (in these sources a value
 * never holds a line break, so such a field is an unbalanced quote that would swallow the lines
 * after it), the records whose number of fields differs from the header's (DuckDB reads them padded
 * or cut, so the line keeps its row and its number), and keeps the header's bytes. Memory does not
 * grow with the file: at most {@link #MAX_BLANK_RECORDS} blank and as many miscounted record
 * numbers, and 64 KiB of header, are kept.
 */
final class CsvScan {
    static final int MAX_BLANK_RECORDS = 100_000;
    static final int MAX_HEADER_BYTES = 1 << 16;
    private static final int UNQUOTED = 0;
    private static final int QUOTED = 1;
    private static final int QUOTE_IN_QUOTED = 2;

    final List<Long> blank = new ArrayList<>();
    /** Records whose number of fields differs from the header's: {line, fields found}, at most {@link #MAX_BLANK_RECORDS}. */
    final List<long[]> wrongFieldCounts = new ArrayList<>();
    long bytes;
    private final byte terminator;
    private final byte delimiter;
    private final int expectedFields;
    private int fields = 1;
    private long record = 1;
    private long line = 1;
    private long recordStartLine = 1;
    private int state = UNQUOTED;
    private boolean fieldStart = true;
    private boolean recordEmpty = true;
    private boolean inHeader = true;
    private long nulLine;
    private long quoteOpened;
    private long quoteClosed;
    private final java.io.ByteArrayOutputStream header = new java.io.ByteArrayOutputStream();

    CsvScan(byte terminator, byte delimiter, int expectedFields) {
        this.terminator = terminator;
        this.delimiter = delimiter;
        this.expectedFields = expectedFields;
    }

    void accept(byte[] block, int n) {
        bytes += n;
        int i = 0;
        if (inHeader) {
            while (i < n && block[i] != terminator) {
                if (header.size() < MAX_HEADER_BYTES) {
                    header.write(block[i]);
                }
                i++;
            }
            inHeader = i == n;
            if (!inHeader) {
                i++;
                record = 2;
                line = 2;
                recordStartLine = 2;
            }
        }
        for (; i < n; i++) {
            byte b = block[i];
            if (b > '"' && b != delimiter && state != QUOTE_IN_QUOTED) {
                // most bytes: ordinary characters ('\n', '\r', '"' and the usual delimiters are not above '"' or are the delimiter)
                fieldStart = false;
                recordEmpty = false;
                continue;
            }
            if (state == QUOTED) {
                if (b == '"') {
                    state = QUOTE_IN_QUOTED;
                } else if (b == terminator) {
                    line++;
                    if (quoteOpened == 0) {
                        quoteOpened = recordStartLine;
                    }
                }
                continue;
            }
            if (state == QUOTE_IN_QUOTED) {
                if (b == '"') {
                    state = QUOTED;
                    continue;
                }
                state = UNQUOTED;
            }
            ordinary(b);
        }
    }

    private void ordinary(byte b) {
        if (b == terminator) {
            endRecord();
            if (quoteOpened > 0 && quoteClosed == 0 && recordStartLine == quoteOpened) {
                quoteClosed = line;
            }
            record++;
            line++;
            recordStartLine = line;
            recordEmpty = true;
            fieldStart = true;
            fields = 1;
        } else if (b == '"') {
            if (fieldStart) {
                state = QUOTED;
            }
            fieldStart = false;
            recordEmpty = false;
        } else if (b == delimiter) {
            fieldStart = true;
            recordEmpty = false;
            fields++;
        } else if (b == 0) {
            nulLine = nulLine == 0 ? line : nulLine;
            fieldStart = false;
            recordEmpty = false;
        } else if (b == '\r' && terminator == '\n') {
            // the \r of a \r\n line end: part of the terminator, not of the record
        } else {
            fieldStart = false;
            recordEmpty = false;
        }
    }

    private void endRecord() {
        if (recordEmpty && blank.size() <= MAX_BLANK_RECORDS) {
            blank.add(record);
        } else if (!recordEmpty && fields != expectedFields && wrongFieldCounts.size() <= MAX_BLANK_RECORDS) {
            wrongFieldCounts.add(new long[] {recordStartLine, fields});
        }
    }

    /** Ends the last record when the file does not end with a line break. */
    void finish() {
        if (!inHeader && !recordEmpty && state == UNQUOTED) {
            endRecord();
        }
    }

    /** The first line holding a NUL byte outside quotes (0 when none): no CSV text has one. */
    long nulLine() {
        return nulLine;
    }

    /** The header line's bytes (at most 64 KiB). */
    byte[] headerBytes() {
        return header.toByteArray();
    }

    /** Whether the header line was longer than {@link #MAX_HEADER_BYTES} or never ended before the 64 KiB. */
    boolean headerTooLong() {
        return header.size() >= MAX_HEADER_BYTES;
    }

    /** Data records after the header, blank ones included (a last record without a line end counts). */
    long dataRecords() {
        long records = recordEmpty && state == UNQUOTED ? record - 1 : record;
        return Math.max(0, records - 1);
    }

    /**
     * The line where a quoted field opened that runs over a line break, and the line where its
     * record ends (0 when it runs to the end of the file); null when there is none.
     */
    long[] quoteSpanningLines() {
        if (quoteOpened == 0) {
            return null;
        }
        return new long[] {quoteOpened, quoteClosed};
    }
}
