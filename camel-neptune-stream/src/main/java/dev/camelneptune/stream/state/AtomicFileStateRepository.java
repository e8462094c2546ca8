package dev.camelneptune.stream.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.camelneptune.stream.StreamPosition;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
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
 * it) but not a power failure. With sync, each write is forced to the disk before the rename, and the folder is forced
 * after it (so the rename itself is on the disk: Linux and macOS; where a folder cannot be forced, Windows, only the
 * file is).
 * <p>
 * <b>Fencing, on one host.</b> As a {@link PositionStore}, a consumer claims its key on start (an epoch per key, kept
 * in the file) and each position it stores is conditional on that claim: once another consumer claimed the key, the
 * older claimant's writes are refused with a {@link PositionFencedException}, and a position never moves backwards.
 * Every write takes an exclusive lock on a {@code <file>.lock} beside the file and reads the file again first, so the
 * rule holds between the consumers of one JVM and between processes of one host that share the file. It does not hold
 * across hosts: file locks and renames on network file systems (NFS, SMB) are not reliably exclusive or atomic. With
 * several hosts, use {@link JdbcStateRepository}.
 */
@ManagedResource(description = "Atomic file state repository")
public class AtomicFileStateRepository extends ServiceSupport
        implements StateRepository<String, String>, PositionStore, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFileStateRepository.class);
    /**
     * A claim line: {@code #claim <key> <epoch> <owner>}, key and owner URL-encoded (never a {@code key=value} line).
     */
    private static final String CLAIM = "#claim ";
    /**
     * One lock per file in this JVM: a JVM cannot hold two file locks on one file, and closing either would drop both.
     */
    private static final Map<Path, ReentrantLock> FILE_LOCKS = new ConcurrentHashMap<>();

    private CamelContext camelContext;
    private Path file;
    private boolean sync;
    private long flushInterval = 250;
    private String owner;

    /** The state as this repository last read or wrote it, with its own changes not written yet. */
    private final Map<String, String> state = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    /** Keys changed by {@code setState} since the last write. */
    private final Set<String> dirty = new LinkedHashSet<>();
    /** Positions stored under a claim since the last write. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    /** Writes refused for a stale claim, by key: the claimant learns it at its next store. */
    private final Map<String, PositionFencedException> fenced = new ConcurrentHashMap<>();
    private long writeFailures;
    private long refusedWrites;
    private long fencedWrites;
    private boolean folderSyncWarned;
    private BackgroundFlusher flusher;

    public AtomicFileStateRepository() {
    }

    public AtomicFileStateRepository(Path file) {
        this.file = file;
    }

    private record Claim(String owner, long epoch) {
    }

    private record Pending(StreamPosition position, PositionClaim claim) {
    }

    @Override
    protected void doStart() throws Exception {
        if (file == null) {
            throw new IllegalArgumentException("file must be set on the AtomicFileStateRepository");
        }
        if (owner == null || owner.isBlank()) {
            owner = NodeNames.defaultOwner();
        }
        synchronized (state) {
            state.clear();
            claims.clear();
            dirty.clear();
            pending.clear();
            if (Files.exists(file)) {
                readInto(state, claims);
            }
        }
        flusher = BackgroundFlusher.startIfPositive(camelContext, this, "AtomicFileStateRepository " + file.getFileName(),
                flushInterval, this::flushInBackground);
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
            if (!dirty.isEmpty() || !pending.isEmpty()) {
                write(null, null);
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
            dirty.add(key);
            pending.remove(key);
            if (flushInterval <= 0) {
                write(null, null);
            }
        }
    }

    @Override
    @ManagedOperation(description = "Gets the value of a key")
    public String getState(String key) {
        synchronized (state) {
            Pending waiting = pending.get(key);
            return waiting != null ? waiting.position().toString() : state.get(key);
        }
    }

    // PositionStore

    @Override
    public PositionClaim claim(String key) {
        synchronized (state) {
            Claim[] claimed = new Claim[1];
            // written at once, whatever the flush interval: a claim must be on the file before its claimant reads on
            write(key, claimed);
            fenced.remove(key);
            String value = state.get(key);
            StreamPosition position;
            try {
                position = value != null ? StreamPosition.parse(value) : null;
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "key " + key + " of " + file + " holds " + value
                                                + ", which is not a stream position (commitNum:opNum)",
                        e);
            }
            return new PositionClaim(key, owner, claimed[0].epoch(), position);
        }
    }

    @Override
    public void store(PositionClaim claim, StreamPosition position) {
        synchronized (state) {
            PositionFencedException refused = fenced.get(claim.key());
            if (refused != null && refused.claimedEpoch() == claim.epoch()) {
                throw refused;
            }
            pending.put(claim.key(), new Pending(position, claim));
            dirty.remove(claim.key());
            if (flushInterval <= 0) {
                write(null, null);
                refused = fenced.get(claim.key());
                if (refused != null && refused.claimedEpoch() == claim.epoch()) {
                    throw refused;
                }
            }
        }
    }

    @Override
    public StreamPosition read(String key) {
        String value = getState(key);
        return value != null ? StreamPosition.parse(value) : null;
    }

    /**
     * Under the file lock: reads the file again (another repository may have written it), applies this repository's
     * changes to it, and replaces it. A claim of {@code claimKey} (when not null) is made in the same step.
     */
    private void write(String claimKey, Claim[] claimed) {
        Map<String, String> merged = new LinkedHashMap<>();
        Map<String, Claim> mergedClaims = new LinkedHashMap<>();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ReentrantLock jvmLock = FILE_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
            jvmLock.lock();
            try (FileChannel lockChannel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = lockChannel.lock()) {
                readInto(merged, mergedClaims);
                for (String key : dirty) {
                    merged.put(key, state.get(key));
                }
                for (Map.Entry<String, Pending> entry : pending.entrySet()) {
                    apply(merged, mergedClaims, entry.getKey(), entry.getValue());
                }
                if (claimKey != null) {
                    Claim previous = mergedClaims.get(claimKey);
                    claimed[0] = new Claim(owner, previous != null ? previous.epoch() + 1 : 1);
                    mergedClaims.put(claimKey, claimed[0]);
                }
                replace(merged, mergedClaims);
            } finally {
                jvmLock.unlock();
            }
        } catch (IOException e) {
            writeFailures++;
            throw new UncheckedIOException("cannot write state file " + file, e);
        }
        dirty.clear();
        pending.clear();
        state.clear();
        state.putAll(merged);
        claims.clear();
        claims.putAll(mergedClaims);
    }

    /** A position stored under a claim, applied to the state just read: unless the claim is stale or it is older. */
    private void apply(Map<String, String> merged, Map<String, Claim> mergedClaims, String key, Pending write) {
        Claim current = mergedClaims.get(key);
        long claimed = write.claim().epoch();
        if (current == null || current.epoch() != claimed) {
            fencedWrites++;
            fenced.put(key, new PositionFencedException(
                    key, claimed, current != null ? current.owner() : null,
                    current != null ? current.epoch() : -1));
            return;
        }
        String stored = merged.get(key);
        StreamPosition storedPosition = null;
        try {
            storedPosition = stored != null ? StreamPosition.parse(stored) : null;
        } catch (IllegalArgumentException e) {
            // not a position (set by hand): the claimant's position replaces it
        }
        StreamPosition position = write.position();
        if (storedPosition != null && (storedPosition.commitNum() > position.commitNum()
                || storedPosition.commitNum() == position.commitNum() && storedPosition.opNum() > position.opNum())) {
            refusedWrites++;
            LOG.warn("Refused to move the position of {} backwards from {} to {} ({})", key, storedPosition, position, file);
            return;
        }
        merged.put(key, position.toString());
    }

    private void readInto(Map<String, String> values, Map<String, Claim> claimsRead) throws IOException {
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith(CLAIM)) {
                    String[] parts = line.substring(CLAIM.length()).split(" ");
                    if (parts.length == 3) {
                        claimsRead.put(decode(parts[0]), new Claim(decode(parts[2]), Long.parseLong(parts[1])));
                    }
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(decode(line.substring(0, eq)), decode(line.substring(eq + 1)));
                }
            }
        } catch (NoSuchFileException e) {
            // nothing stored yet
        }
    }

    private void replace(Map<String, String> values, Map<String, Claim> claimsToWrite) throws IOException {
        StringBuilder text = new StringBuilder(64 * (values.size() + claimsToWrite.size()));
        values.forEach((k, v) -> text.append(encode(k)).append('=').append(encode(v)).append('\n'));
        claimsToWrite.forEach((k, c) -> text.append(CLAIM).append(encode(k)).append(' ').append(c.epoch()).append(' ')
                .append(encode(c.owner())).append('\n'));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
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
        if (sync) {
            syncFolder();
        }
    }

    /** Forces the folder, so that the rename is on the disk too (a power failure then cannot undo it). */
    private void syncFolder() {
        Path folder = file.toAbsolutePath().getParent();
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel: the file itself was forced before the rename
            if (!folderSyncWarned) {
                folderSyncWarned = true;
                LOG.warn("Cannot force folder {} to the disk after renaming the state file into it ({}); only the file"
                         + " is forced",
                        folder, e.toString());
            }
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

    @ManagedAttribute(description = "How many positions were refused because the stored one was newer")
    public long getRefusedWrites() {
        synchronized (state) {
            return refusedWrites;
        }
    }

    @ManagedAttribute(description = "How many positions were refused because another consumer had claimed the key since")
    public long getFencedWrites() {
        synchronized (state) {
            return fencedWrites;
        }
    }

    @ManagedAttribute(description = "The file holding the state")
    public String getFileName() {
        return String.valueOf(file);
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    /**
     * The context whose thread pools run the background flush; Camel sets it when the repository is in its registry.
     */
    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
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

    /**
     * Whether each write is forced to the disk (the file, then its folder after the rename): survives power failures.
     */
    public void setSync(boolean sync) {
        this.sync = sync;
    }

    @ManagedAttribute(description = "The name this node claims keys under")
    public String getOwner() {
        return owner;
    }

    /** The name this node claims keys under, shown to the consumer it deposes (default {@code <pid>@<host name>}). */
    public void setOwner(String owner) {
        this.owner = owner;
    }
}
