package org.reconnaitre.frameworks.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.reconnaitre.badges.model.BadgeException;

/**
 * A small streaming RFC 4180 reader: quoted cells with doubled quotes, separators and line breaks
 * inside quotes, CRLF or LF records, an optional UTF-8 BOM. The first record is the header; cells
 * are read by column name. Errors name the file, the line and the column. Not thread-safe (one
 * reader per stream). Internal.
 */
public final class Csv {
    private final Reader in;
    private final String source;
    private final char sep;
    private final char[] buf = new char[1 << 16];
    private int len;
    private int pos;
    private int line = 1;
    private int col = 0;
    private int recordLine;
    private final Map<String, Integer> header = new HashMap<>();
    private final String[] headerNames;
    private final StringBuilder cell = new StringBuilder(64);

    /**
     * @param in the text (closed by the caller)
     * @param source a name for error messages (file name)
     * @param sep the separator, usually ','
     */
    public Csv(Reader in, String source, char sep) throws BadgeException {
        this.in = in;
        this.source = source;
        this.sep = sep;
        String[] h = next();
        if (h == null) {
            throw error("the file is empty (a header row is expected)", 1, 1);
        }
        if (h.length > 0 && !h[0].isEmpty() && h[0].charAt(0) == '\uFEFF') {
            h[0] = h[0].substring(1);
        }
        for (int i = 0; i < h.length; i++) {
            header.putIfAbsent(h[i].trim(), i);
        }
        headerNames = h;
    }

    /** @return the column index of {@code name}, or throws naming the missing column */
    public int column(String name) throws BadgeException {
        Integer i = header.get(name);
        if (i == null) {
            throw error("missing column '" + name + "' (header: " + Arrays.toString(headerNames) + ")", 1, 1);
        }
        return i;
    }

    /** @return the column index of {@code name}, or -1 */
    public int optionalColumn(String name) {
        return header.getOrDefault(name, -1);
    }

    /** @return the line where the last record returned by {@link #next()} started */
    public int recordLine() {
        return recordLine;
    }

    /** @return the source name */
    public String source() {
        return source;
    }

    /** Builds a MALFORMED_DATA error for this file. */
    public BadgeException error(String what, int atLine, int atColumn) {
        return new BadgeException(BadgeException.Code.MALFORMED_DATA,
                source + ":" + atLine + ":" + atColumn + ": " + what);
    }

    /** Builds a MALFORMED_DATA error for the current record. */
    public BadgeException error(String what) {
        return error(what, recordLine, 1);
    }

    private boolean fill() throws BadgeException {
        if (pos < len) {
            return true;
        }
        try {
            len = in.read(buf, 0, buf.length);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BadgeException(BadgeException.Code.MALFORMED_DATA,
                    source + ":" + line + ":" + (col + 1) + ": not valid UTF-8 (" + e + ")", e);
        } catch (IOException e) {
            throw new BadgeException(BadgeException.Code.IO, source + ": " + e.getMessage(), e);
        }
        pos = 0;
        if (len <= 0) {
            len = 0;
            return false;
        }
        return true;
    }

    private int read() throws BadgeException {
        if (!fill()) {
            return -1;
        }
        char c = buf[pos++];
        if (c == '\n') {
            line++;
            col = 0;
        } else {
            col++;
        }
        return c;
    }

    private int peek() throws BadgeException {
        return fill() ? buf[pos] : -1;
    }

    /**
     * Reads the next record.
     *
     * @return the cells, or {@code null} at the end of the input
     */
    public String @Nullable [] next() throws BadgeException {
        List<String> cells = new ArrayList<>(headerNames == null ? 16 : headerNames.length);
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line - (c == '\n' ? 1 : 0);
        // skip blank lines between records
        while (c == '\r' || c == '\n') {
            c = read();
            if (c == -1) {
                return null;
            }
            recordLine = line;
        }
        while (true) {
            cell.setLength(0);
            if (c == '"') {
                int qLine = line;
                int qCol = col;
                while (true) {
                    c = read();
                    if (c == -1) {
                        throw error("unterminated quoted cell (opened here)", qLine, qCol);
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            read();
                            cell.append('"');
                        } else {
                            break;
                        }
                    } else {
                        cell.append((char) c);
                    }
                }
                c = read();
                if (c != sep && c != '\n' && c != '\r' && c != -1) {
                    throw error("unexpected character '" + (char) c + "' after a closing quote", line, col);
                }
            } else {
                while (c != sep && c != '\n' && c != '\r' && c != -1) {
                    if (c == '"') {
                        throw error("quote inside an unquoted cell", line, col);
                    }
                    cell.append((char) c);
                    c = read();
                }
            }
            cells.add(cell.toString());
            if (c == sep) {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            break;
        }
        String[] r = cells.toArray(new String[0]);
        if (headerNames != null && r.length != headerNames.length) {
            throw error("expected " + headerNames.length + " cells, found " + r.length, recordLine, 1);
        }
        return r;
    }
}
