package dev.camelneptune.local.stream;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

import dev.camelneptune.local.LocalClock;

/** The RDF graph and its change log ({@code GET /sparql/stream}, format {@code NQUADS}). Thread-safe. */
public final class SparqlStream {

    private final LocalClock clock;
    private final ChangeLog log = new ChangeLog("NQUADS");
    private final Set<String> statements = new HashSet<>();

    SparqlStream(LocalClock clock) {
        this.clock = clock;
    }

    /**
     * Runs {@code transaction} and commits its changes as one transaction. If it throws, nothing is committed.
     *
     * @return the new commitNum, or -1 if the transaction changed nothing
     */
    public synchronized long commit(Consumer<SparqlTransaction> transaction) {
        SparqlTransaction tx = new SparqlTransaction(statements);
        transaction.accept(tx);
        long commitNum = log.append(clock.millis(), tx.changes());
        tx.apply();
        return commitNum;
    }

    /** Trims every commit before {@code commitNum}. */
    public void trimBefore(long commitNum) {
        log.trimBefore(commitNum);
    }

    public long lastCommitNum() {
        return log.lastCommitNum();
    }

    ChangeLog log() {
        return log;
    }
}
