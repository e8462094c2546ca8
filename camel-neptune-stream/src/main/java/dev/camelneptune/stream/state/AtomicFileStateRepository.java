package dev.camelneptune.stream.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateRepository} in one file that is never half-written: every change writes the whole state to a temporary
 * file beside it and renames that over the file (an atomic move), so a process killed at any moment leaves either the
 * previous state or the new one.
 * <p>
 * Camel's {@code FileStateRepository} appends {@code key=value} lines and, once the file reaches its size limit (and on
 * stop), truncates the file and rewrites it in place: a kill between the truncation and the rewrite leaves an empty
 * file, and a kill during an append leaves a partial last line, so the position can be lost or corrupted.
 * <p>
 * Writes are coalesced: a change is written within {@link #setFlushInterval(long) flushInterval} ms (default 250), and
 * on stop, so a busy consumer does not pay a file write and rename per record. A kill therefore loses at most the last
 * interval's changes: the stored position is older than the processed one, so those records are delivered again (never
 * skipped). {@code flushInterval=0} writes every change before {@code setState} returns.
 * <p>
 * Without {@link #setSync(boolean) sync}, a written state survives the process being killed (the operating system holds
 * it) but not a power failure; with sync, each write is forced to the disk before the rename.
 */
@ManagedResource(description = "Atomic file state repository")
public class AtomicFileStateRepository extends ServiceSupport implements StateRepository<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileStateRepository.class);

    private Path file;
    private boolean sync;
    private long flushInterval = 250;

    private final Map<String, String> state = new LinkedHashMap<>();
    private boolean dirty;
    private long writeFailures;
    private BackgroundFlusher flusher;

    public AtomicFileStateRepository() {
    }

    public AtomicFileStateRepository(Path file) {
        this.file = file;
    }

    @Override
    protected void doStart() throws Exception {
        if (file == null) {
            throw new IllegalArgumentException("file must be set on the AtomicFileStateRepository");
        }
        synchronized (state) {
            state.clear();
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        state.put(decode(line.substring(0, eq)), decode(line.substring(eq + 1)));
                    }
                }
            }
        }
        flusher = BackgroundFlusher.startIfPositive("AtomicFileStateRepository " + file.getFileName(), flushInterval,
                this::flushInBackground);
    }

    @Override
    protected void doStop() throws Exception {
        if (flusher != null) {
            flusher.stop();
            flusher = null;
        }
        flush();
    }

    /** Writes the state now if it changed since the last write. */
    @ManagedOperation(description = "Writes the state to the file now if it changed")
    public void flush() {
        synchronized (state) {
            if (dirty) {
                write();
            }
        }
    }

    /**
     * A scheduled executor drops a task that throws: a failed write is logged and stays pending, so the next tick tries
     * again instead of the positions silently never reaching the file again.
     */
    private void flushInBackground() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Cannot write the positions to {} (tried again in {} ms): {}", file, flushInterval, e.getMessage());
        }
    }

    @Override
    @ManagedOperation(description = "Sets the value of a key")
    public void setState(String key, String value) {
        synchronized (state) {
            state.put(key, value);
            dirty = true;
            if (flushInterval <= 0) {
                write();
            }
        }
    }

    @Override
    @ManagedOperation(description = "Gets the value of a key")
    public String getState(String key) {
        synchronized (state) {
            return state.get(key);
        }
    }

    private void write() {
        StringBuilder text = new StringBuilder(64 * state.size());
        state.forEach((k, v) -> text.append(encode(k)).append('=').append(encode(v)).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text.toString());
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                if (sync) {
                    channel.force(true);
                }
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            dirty = false;
        } catch (IOException e) {
            writeFailures++;
            throw new UncheckedIOException("cannot write state file " + file, e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    @ManagedAttribute(description = "How many writes of the state file have failed (each is tried again)")
    public long getWriteFailures() {
        synchronized (state) {
            return writeFailures;
        }
    }

    @ManagedAttribute(description = "The file holding the state")
    public String getFileName() {
        return String.valueOf(file);
    }

    public Path getFile() {
        return file;
    }

    /** The file holding the state (required). */
    public void setFile(Path file) {
        this.file = file;
    }

    /**
     * The file holding the state, as a path name: the same as {@link #setFile(Path)}, for configuration by properties
     * or the YAML DSL, where a value is text ({@code fileName: data/neptune-offsets.properties}).
     */
    public void setFileName(String fileName) {
        this.file = Path.of(fileName);
    }

    public long getFlushInterval() {
        return flushInterval;
    }

    /** At most how long (ms) a change waits before it is written; 0 writes every change at once. */
    public void setFlushInterval(long flushInterval) {
        this.flushInterval = flushInterval;
    }

    public boolean isSync() {
        return sync;
    }

    public void setSync(boolean sync) {
        this.sync = sync;
    }
}
