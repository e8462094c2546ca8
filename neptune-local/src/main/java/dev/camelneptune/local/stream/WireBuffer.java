package dev.camelneptune.local.stream;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the few JSON writing primitives the stream wire format needs; not thread-safe. */
final class WireBuffer {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private byte[] bytes;
    private int size;

    WireBuffer(int initialCapacity) {
        bytes = new byte[Math.max(16, initialCapacity)];
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    WireBuffer raw(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
        return this;
    }

    /** Appends ASCII text as is (field names, punctuation). */
    WireBuffer ascii(String text) {
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    WireBuffer number(long value) {
        return ascii(Long.toString(value));
    }

    /** Appends a JSON string literal, quotes included, escaping as RFC 8259 requires. */
    WireBuffer string(String value) {
        ensure(value.length() + 2);
        bytes[size++] = '"';
        int n = value.length();
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(2);
                bytes[size++] = '\\';
                bytes[size++] = (byte) c;
            } else if (c < 0x20) {
                escapeControl(c);
            } else if (c < 0x80) {
                ensure(1);
                bytes[size++] = (byte) c;
            } else {
                int end = i + 1;
                while (end < n && value.charAt(end) >= 0x80) {
                    end++;
                }
                byte[] utf8 = value.substring(i, end).getBytes(StandardCharsets.UTF_8);
                raw(utf8, 0, utf8.length);
                i = end - 1;
            }
        }
        ensure(1);
        bytes[size++] = '"';
        return this;
    }

    private void escapeControl(char c) {
        ensure(6);
        bytes[size++] = '\\';
        switch (c) {
            case '\n' -> bytes[size++] = 'n';
            case '\r' -> bytes[size++] = 'r';
            case '\t' -> bytes[size++] = 't';
            default -> {
                bytes[size++] = 'u';
                bytes[size++] = '0';
                bytes[size++] = '0';
                bytes[size++] = HEX[c >> 4];
                bytes[size++] = HEX[c & 0xF];
            }
        }
    }

    private void ensure(int extra) {
        if (size + extra > bytes.length) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + extra);
            bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
        }
    }
}
