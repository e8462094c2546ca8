package dev.camelneptune.local.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import dev.camelneptune.local.Json;

/**
 * Jackson's streaming generator writing the stream wire format into byte arrays: a {@link Sink} to write into, a
 * {@link Writer} that renders one small JSON object at a time (a record's {@code data}), and a {@link RawSlice} that
 * writes JSON already rendered (a stored record's {@code data}) as a value, byte for byte.
 */
final class JsonBytes {

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private JsonBytes() {
    }

    static JsonGenerator generator(Sink sink) {
        try {
            JsonGenerator generator = FACTORY.createGenerator(sink);
            generator.setRootValueSeparator(null);
            return generator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one JSON object is written with. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    /** Renders one JSON object: {@code {}} around what {@code body} writes. */
    static byte[] object(Body body) {
        return new Writer(128).object(body);
    }

    /** Renders JSON objects one after the other with one generator, each into its own array; not thread-safe. */
    static final class Writer {
        private final Sink sink;
        private final JsonGenerator generator;

        Writer(int capacity) {
            this.sink = new Sink(capacity);
            this.generator = generator(sink);
        }

        byte[] object(Body body) {
            try {
                generator.writeStartObject();
                body.write(generator);
                generator.writeEndObject();
                generator.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = sink.toByteArray();
            sink.reset();
            return bytes;
        }
    }

    /** A growable, unsynchronized byte array output. */
    static final class Sink extends OutputStream {
        private byte[] bytes;
        private int size;

        Sink(int capacity) {
            bytes = new byte[Math.max(16, capacity)];
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int extra) {
            if (size + extra > bytes.length) {
                long wanted = Math.max((long) bytes.length * 2, (long) size + extra);
                bytes = Arrays.copyOf(bytes, (int) Math.min(wanted, Integer.MAX_VALUE - 8));
            }
        }
    }

    /**
     * A slice of an array that already holds valid JSON, for {@link JsonGenerator#writeRawValue(SerializableString)}:
     * copied into the generator's buffer as is. Reused from record to record; not thread-safe.
     */
    static final class RawSlice implements SerializableString {
        private byte[] bytes;
        private int offset;
        private int length;

        RawSlice set(byte[] bytes, int offset, int length) {
            this.bytes = bytes;
            this.offset = offset;
            this.length = length;
            return this;
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int at) {
            if (at + length > buffer.length) {
                return -1;
            }
            System.arraycopy(bytes, offset, buffer, at, length);
            return length;
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }

        @Override
        public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, offset, length);
            return length;
        }

        @Override
        public int putUnquotedUTF8(ByteBuffer buffer) {
            if (buffer.remaining() < length) {
                return -1;
            }
            buffer.put(bytes, offset, length);
            return length;
        }

        @Override
        public String getValue() {
            return new String(bytes, offset, length, StandardCharsets.UTF_8);
        }

        @Override
        public int charLength() {
            return getValue().length();
        }

        @Override
        public int appendUnquoted(char[] buffer, int at) {
            String value = getValue();
            if (at + value.length() > buffer.length) {
                return -1;
            }
            value.getChars(0, value.length(), buffer, at);
            return value.length();
        }

        // raw JSON is never written as a quoted string
        @Override
        public char[] asQuotedChars() {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }

        @Override
        public byte[] asQuotedUTF8() {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int at) {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }

        @Override
        public int appendQuoted(char[] buffer, int at) {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }

        @Override
        public int writeQuotedUTF8(OutputStream out) {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }

        @Override
        public int putQuotedUTF8(ByteBuffer buffer) {
            throw new UnsupportedOperationException("raw JSON is not a string");
        }
    }
}
