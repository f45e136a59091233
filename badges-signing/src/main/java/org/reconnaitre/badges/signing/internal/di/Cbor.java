package org.reconnaitre.badges.signing.internal.di;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The small part of CBOR (RFC 8949) the {@code ecdsa-sd-2023} proof values use: unsigned integers,
 * byte strings, text strings, arrays and maps, definite lengths only. Hand-written rather than a
 * general CBOR library so that every length is checked against the bytes left and a caller-given
 * limit before anything is allocated, and nothing else (floats, indefinite lengths, other tags) is
 * accepted. The only tag read is 64 (RFC 8746 "uint8 typed array") directly around a byte string,
 * which early JavaScript encoders wrote. Internal; a reader is single-use and not thread-safe, a
 * writer likewise.
 */
final class Cbor {
    private static final int UINT = 0;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;
    private static final int TAG = 6;

    private Cbor() {}

    /** A CBOR input was malformed or exceeded a limit. */
    static final class CborException extends Exception {
        private static final long serialVersionUID = 1L;

        CborException(String message) {
            super(message);
        }
    }

    /** Reads items from a byte array, checking bounds. */
    static final class Reader {
        private final byte[] in;
        private int pos;

        Reader(byte[] in, int offset) {
            this.in = in;
            this.pos = offset;
        }

        /** @return an array's length, at most {@code max} */
        int array(int max, String what) throws CborException {
            return (int) header(ARRAY, max, what);
        }

        /** @return a map's number of entries, at most {@code max} */
        int map(int max, String what) throws CborException {
            return (int) header(MAP, max, what);
        }

        /** @return an unsigned integer, at most {@code max} */
        long uint(long max, String what) throws CborException {
            return header(UINT, max, what);
        }

        /** @return a byte string of at most {@code max} bytes (optionally inside tag 64) */
        byte[] bytes(int max, String what) throws CborException {
            if (pos + 1 < in.length && (in[pos] & 0xff) == 0xd8 && (in[pos + 1] & 0xff) == 0x40) {
                pos += 2;
            }
            int n = (int) header(BYTES, max, what);
            byte[] out = Arrays.copyOfRange(in, pos, pos + n);
            pos += n;
            return out;
        }

        /** @return a UTF-8 text string of at most {@code max} bytes */
        String text(int max, String what) throws CborException {
            int n = (int) header(TEXT, max, what);
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in, pos, n)).toString();
                pos += n;
                return s;
            } catch (CharacterCodingException e) {
                throw new CborException(what + " is not valid UTF-8");
            }
        }

        /** Fails unless every byte was read. */
        void end() throws CborException {
            if (pos != in.length) {
                throw new CborException((in.length - pos) + " unexpected byte(s) after the CBOR value");
            }
        }

        private long header(int major, long max, String what) throws CborException {
            if (pos >= in.length) {
                throw new CborException("the CBOR data ends before " + what);
            }
            int b = in[pos++] & 0xff;
            int actual = b >>> 5;
            if (actual != major) {
                throw new CborException(what + " should be a CBOR " + name(major) + ", found a " + name(actual));
            }
            int info = b & 0x1f;
            long value;
            if (info < 24) {
                value = info;
            } else if (info <= 27) {
                int len = 1 << (info - 24);
                if (pos + len > in.length) {
                    throw new CborException("the CBOR data ends inside the length of " + what);
                }
                value = 0;
                for (int i = 0; i < len; i++) {
                    value = (value << 8) | (in[pos++] & 0xff);
                }
                if (value < 0) {
                    throw new CborException("the length or value of " + what + " is too large");
                }
            } else {
                throw new CborException(what + " uses an indefinite length or a reserved encoding (not accepted)");
            }
            if (value > max) {
                throw new CborException(what + " is " + value + ", more than the limit of " + max);
            }
            if ((major == BYTES || major == TEXT) && value > in.length - pos) {
                throw new CborException(what + " claims " + value + " bytes but only " + (in.length - pos) + " remain");
            }
            // each array element / map entry needs at least one byte: a cheap bound on the allocation
            if ((major == ARRAY || major == MAP) && value > in.length - pos) {
                throw new CborException(what + " claims " + value + " items but only " + (in.length - pos) + " bytes remain");
            }
            return value;
        }

        private static String name(int major) {
            switch (major) {
                case UINT:
                    return "unsigned integer";
                case 1:
                    return "negative integer";
                case BYTES:
                    return "byte string";
                case TEXT:
                    return "text string";
                case ARRAY:
                    return "array";
                case MAP:
                    return "map";
                case TAG:
                    return "tagged item";
                default:
                    return "simple value or float";
            }
        }
    }

    /** Writes items with the shortest length encodings. */
    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Writer array(int n) {
            return header(ARRAY, n);
        }

        Writer map(int n) {
            return header(MAP, n);
        }

        Writer uint(long n) {
            return header(UINT, n);
        }

        Writer bytes(byte[] b) {
            header(BYTES, b.length);
            out.writeBytes(b);
            return this;
        }

        Writer text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            header(TEXT, b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }

        private Writer header(int major, long value) {
            int m = major << 5;
            if (value < 24) {
                out.write(m | (int) value);
            } else if (value < 0x100) {
                out.write(m | 24);
                out.write((int) value);
            } else if (value < 0x10000) {
                out.write(m | 25);
                out.write((int) (value >>> 8));
                out.write((int) value & 0xff);
            } else if (value < 0x100000000L) {
                out.write(m | 26);
                for (int s = 24; s >= 0; s -= 8) {
                    out.write((int) (value >>> s) & 0xff);
                }
            } else {
                out.write(m | 27);
                for (int s = 56; s >= 0; s -= 8) {
                    out.write((int) (value >>> s) & 0xff);
                }
            }
            return this;
        }
    }
}
