package dev.camelneptune.testpostgres;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away PostgreSQL server for tests: {@code initdb} into a new temporary folder, {@code pg_ctl start} on a free
 * port of 127.0.0.1 (TCP only, no Unix socket), one database created; {@link #close()} stops it and deletes the folder.
 * It runs the machine's own PostgreSQL binaries (Debian's {@code postgresql} package:
 * {@code /usr/lib/postgresql/N/bin}); no container, nothing downloaded.
 * <p>
 * PostgreSQL refuses to run as root. When the tests run as root (as CI does), every PostgreSQL command runs as the
 * {@code postgres} user through {@code runuser}, and the folder is given to that user.
 * <p>
 * {@link #startOrSkip()} is what tests call: without PostgreSQL on the machine the test is skipped with a JUnit
 * assumption whose message says how to run it (and the message is printed), unless PostgreSQL is required
 * ({@code CI=true} or {@code POSTGRES_REQUIRED=true} in the environment, or {@code -Dpostgres.required=true}), when it
 * fails instead.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The database the server is started with. */
    public static final String DATABASE = "neptune";
    /** The superuser; connections from 127.0.0.1 are trusted, no password. */
    public static final String USER = "postgres";

    private static final String HOW_TO_RUN = "To run them: install PostgreSQL (Debian/Ubuntu: apt-get install postgresql;"
                                             + " .ci/run does it), or point -Dpostgres.bin=<folder> at the folder that"
                                             + " holds initdb and pg_ctl. With CI=true, POSTGRES_REQUIRED=true or -Dpostgres.required=true a"
                                             + " missing PostgreSQL fails these tests instead of skipping them.";

    private static boolean warned;

    private final Path bin;
    private final Path dir;
    private final Path data;
    private final boolean asPostgresUser;
    private final int port;
    private final Thread shutdownHook;
    private boolean closed;

    private LocalPostgres(Path bin, Path dir, boolean asPostgresUser, int port) {
        this.bin = bin;
        this.dir = dir;
        this.data = dir.resolve("data");
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.shutdownHook = new Thread(this::stopQuietly, "LocalPostgres stop " + port);
    }

    /**
     * Starts a server, or skips the calling test (a failed JUnit assumption, with its message printed to the standard
     * error) when the machine has no PostgreSQL; when PostgreSQL is {@link #required()}, a missing one fails.
     */
    public static LocalPostgres startOrSkip() {
        Optional<String> missing = whyUnavailable();
        if (missing.isPresent()) {
            if (required()) {
                throw new IllegalStateException(
                        "PostgreSQL is required here (CI=true, POSTGRES_REQUIRED=true or -Dpostgres.required=true) but "
                                                + missing.get() + ". " + HOW_TO_RUN);
            }
            String message = "PostgreSQL tests skipped: " + missing.get() + ". " + HOW_TO_RUN;
            warnOnce(message);
            Assumptions.abort(message);
        }
        return start();
    }

    /**
     * Prints the skip message once per JVM, to the standard error and to the process's own error stream (Maven Surefire
     * sends {@code System.err} to a report file, and shows what a forked JVM writes to its own stream on the build's
     * console).
     */
    private static synchronized void warnOnce(String message) {
        if (warned) {
            return;
        }
        warned = true;
        System.err.println("WARNING: " + message);
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        console.println("WARNING: " + message);
    }

    /** Starts a server; fails when the machine has no PostgreSQL. */
    public static LocalPostgres start() {
        Optional<String> missing = whyUnavailable();
        if (missing.isPresent()) {
            throw new IllegalStateException("cannot start PostgreSQL: " + missing.get() + ". " + HOW_TO_RUN);
        }
        Path bin = findBinaries().orElseThrow();
        boolean asPostgresUser = isRoot();
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir = null;
            try {
                dir = Files.createTempDirectory("camel-neptune-pg");
                LocalPostgres server = new LocalPostgres(bin, dir, asPostgresUser, freePort());
                server.initAndStart();
                return server;
            } catch (IOException e) {
                // most likely another process took the free port between the probe and the server's bind: try again
                last = e;
                if (dir != null) {
                    deleteTree(dir);
                }
            }
        }
        throw new UncheckedIOException("cannot start PostgreSQL from " + bin, last);
    }

    /**
     * True when a missing PostgreSQL must fail the tests: {@code CI=true} or {@code POSTGRES_REQUIRED=true} in the
     * environment ({@code .ci/run} sets it), or {@code -Dpostgres.required=true}.
     */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("POSTGRES_REQUIRED"))
                || Boolean.getBoolean("postgres.required");
    }

    /** Empty when a server can be started here, else why not. */
    public static Optional<String> whyUnavailable() {
        Optional<Path> bin = findBinaries();
        if (bin.isEmpty()) {
            String configured = configuredBin();
            return Optional.of(configured != null
                    ? "-Dpostgres.bin=" + configured + " holds no initdb and pg_ctl"
                    : "no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin or on the PATH");
        }
        if (isRoot() && !hasPostgresUser()) {
            return Optional.of("the tests run as root, PostgreSQL refuses to, and there is no 'postgres' user to run it as"
                               + " (the Debian package creates one)");
        }
        return Optional.empty();
    }

    /**
     * The folder holding {@code initdb} and {@code pg_ctl}: {@code -Dpostgres.bin}, else the newest Debian one, else
     * the PATH.
     */
    public static Optional<Path> findBinaries() {
        String configured = configuredBin();
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(LocalPostgres::hasServerBinaries);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .sorted(Comparator.comparingDouble((Path v) -> Double.parseDouble(v.getFileName().toString()))
                                .reversed())
                        .map(v -> v.resolve("bin")).filter(LocalPostgres::hasServerBinaries).findFirst();
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isEmpty() && hasServerBinaries(Path.of(entry))) {
                    return Optional.of(Path.of(entry));
                }
            }
        }
        return Optional.empty();
    }

    private static String configuredBin() {
        String configured = System.getProperty("postgres.bin");
        return configured != null && !configured.isBlank() ? configured : null;
    }

    private static boolean hasServerBinaries(Path folder) {
        return Files.isExecutable(folder.resolve("initdb")) && Files.isExecutable(folder.resolve("pg_ctl"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean hasPostgresUser() {
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().anyMatch(line -> line.startsWith(USER + ":"));
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void initAndStart() throws IOException {
        if (asPostgresUser) {
            Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER));
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--no-locale", "--no-sync"), "initdb");
        // TCP on 127.0.0.1 only, no Unix socket; fsync off: the tests kill clients, never this server
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "-o", "-c listen_addresses=127.0.0.1 -p " + port
                                        + " -c unix_socket_directories='' -F -c max_connections=50",
                "start"), "pg_ctl start");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        PGSimpleDataSource admin = dataSource("postgres");
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            close();
            throw new IOException("cannot create database " + DATABASE + " on port " + port, e);
        }
    }

    private void run(List<String> command, String what) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        Path log = dir.resolve(what.replace(' ', '-') + ".out");
        Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(what + " did not finish within 90 s: " + String.join(" ", full));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(what + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            String serverLog = Files.exists(dir.resolve("server.log"))
                    ? "\nserver.log:\n" + Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8) : "";
            throw new IOException(
                    what + " failed (exit " + process.exitValue() + "): " + String.join(" ", full) + "\n"
                                  + Files.readString(log, StandardCharsets.UTF_8) + serverLog);
        }
    }

    /** The port the server listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** {@code jdbc:postgresql://127.0.0.1:<port>/neptune}. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    /** A new data source for the test database, as {@link #USER}. */
    public PGSimpleDataSource dataSource() {
        return dataSource(DATABASE);
    }

    private PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] { "127.0.0.1" });
        source.setPortNumbers(new int[] { port });
        source.setDatabaseName(database);
        source.setUser(USER);
        return source;
    }

    /** Runs SQL statements on the test database, one after the other, each committed. */
    public void execute(String... statements) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run SQL on the test PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Stops the server (fast shutdown: open connections are cut) and deletes its folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down, or the hook was never added
        }
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "30",
                        "stop"), "pg_ctl stop");
            }
        } catch (IOException e) {
            System.err.println("WARNING: cannot stop the test PostgreSQL on port " + port + ": " + e.getMessage());
        }
        deleteTree(dir);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("WARNING: cannot delete " + root + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port + " (" + bin + ")";
    }
}
