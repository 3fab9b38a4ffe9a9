package dev.e2ee.vault.audit;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals committed audit rows into the hash chain in id order, shortly after they commit: one {@code audit_chain} row
 * (chain_seq, audit_id, prev_hash, hash) per audit row, appended in batches. Business transactions only insert audit
 * rows, so they never wait for each other; exactly one sealer runs at a time across all instances
 * (transaction-scoped PostgreSQL advisory lock). A row that commits late (lower id than rows already sealed) simply
 * gets the next {@code chain_seq}: the chain order is {@code chain_seq}, not {@code id}.
 */
@Component
public class AuditChainSealer implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AuditChainSealer.class);
    static final long LOCK_KEY = 0x6532656541554454L; // "e2eeAUDT"
    static final int BATCH = 500;
    static final String APPEND = "INSERT INTO audit_chain (chain_seq, audit_id, prev_hash, hash)"
            + " SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::bytea[], ?::bytea[])";
    /** How many audit ids one step of the search for unsealed rows reads (two index range scans). */
    static final int CHUNK = 2_500;

    static final int MAX_BATCHES_PER_TICK = 200;
    /** How far below the last sealed id a pass looks for rows that committed late (their id was taken earlier). */
    static final long LATE_COMMIT_LOOKBACK = 2_000;

    private record Sealed(long id, long chainSeq, byte[] previous, byte[] hash) {}

    private record Head(long chainSeq, byte[] hash) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditProperties properties;

    /**
     * Rows that committed later than the lookback are found by a sweep: each periodic pass also re-checks ONE chunk
     * of older ids, from 0 up to the lookback window, then starts over. The cost per pass is constant; a late row is
     * sealed within one sweep of the table. (It replaces a pass from id 0 every 600 passes, which read the whole
     * table at once, a cost that grew with the table: 2 x 440 range scans at 1.1M rows, docs/performance.md "Soak".)
     */
    private final AtomicLong sweepFrom = new AtomicLong();

    AuditChainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, AuditProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** Seals every {@code e2ee.vault.audit.seal-interval}, the first time 2 s after startup. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(
                new FixedDelayTask(this::sealScheduled, properties.sealInterval(), Duration.ofSeconds(2)));
    }

    /** Drains the backlog each tick (bounded), so sealing keeps up with any insert rate, not one batch a second. */
    public void sealScheduled() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_TICK && seal(false, this::recentAndSwept) == BATCH; i++) {
                // keep going while full batches come back
            }
        } catch (org.springframework.dao.DataAccessException e) {
            log.warn("audit sealer: database unavailable ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Seals every pending row, waiting for a running sealer; returns how many. The recent window first (where
     * pending rows almost always are), in batches; then, only when rows are still unsealed (fewer chain rows than
     * audit rows), ONE forward pass over the older ids that continues where its previous batch stopped. (It used to
     * restart a pass from id 0 for every batch, and run one even with nothing pending: a full read of both tables
     * per batch, docs/performance.md.)
     */
    public long sealAll() {
        long total = 0;
        int sealed;
        do {
            sealed = seal(true, () -> unsealedIds(recentFrom()));
            total += sealed;
        } while (sealed == BATCH);
        if (unsealedCount() == 0) {
            return total;
        }
        AtomicLong from = new AtomicLong();
        do {
            sealed = seal(true, () -> {
                List<Long> ids = unsealedIds(from.get());
                if (!ids.isEmpty()) {
                    from.set(ids.get(ids.size() - 1) + 1);
                }
                return ids;
            });
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    /** Audit rows without a chain row (both tables are insert-only and each chain row names a distinct audit row). */
    long unsealedCount() {
        Long count = jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM audit_logs) - (SELECT count(*) FROM audit_chain)", Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Seals up to one batch of the rows {@code candidates} names (read under the lock); returns how many. With
     * {@code wait} it waits for another sealer to finish instead of skipping. One transaction per batch: the advisory
     * lock is transaction-scoped, so it must not run in autocommit (a self-invoked {@code @Transactional} would).
     */
    private int seal(boolean wait, Supplier<List<Long>> candidates) {
        Integer sealed = transactions.execute(status -> sealBatch(wait, candidates));
        return sealed == null ? 0 : sealed;
    }

    private int sealBatch(boolean wait, Supplier<List<Long>> candidates) {
        String lock = wait ? "SELECT pg_advisory_xact_lock(?)::text" : "SELECT pg_try_advisory_xact_lock(?)::text";
        String locked = jdbc.queryForObject(lock, String.class, LOCK_KEY);
        if (!wait && !"true".equals(locked)) {
            return 0;
        }
        List<Long> unsealed = candidates.get();
        if (unsealed.isEmpty()) {
            return 0;
        }
        Head head = head();
        List<Sealed> sealed = new ArrayList<>();
        jdbc.query(
                "SELECT " + AuditChain.COLUMNS + " FROM audit_logs a WHERE a.id = ANY(?) ORDER BY a.id",
                rs -> {
                    Sealed last = sealed.isEmpty() ? null : sealed.get(sealed.size() - 1);
                    long seq = (last == null ? head.chainSeq() : last.chainSeq()) + 1;
                    byte[] previous = last == null ? head.hash() : last.hash();
                    sealed.add(new Sealed(rs.getLong("id"), seq, previous, AuditChain.hash(previous, seq, rs)));
                },
                (Object) unsealed.toArray(Long[]::new));
        if (!sealed.isEmpty()) {
            append(sealed);
        }
        return sealed.size();
    }

    /** Where the recent window starts: the lookback below the highest chained id. */
    private long recentFrom() {
        Long chained = jdbc.queryForObject("SELECT max(audit_id) FROM audit_chain", Long.class);
        return Math.max(0, (chained == null ? 0 : chained) - LATE_COMMIT_LOOKBACK);
    }

    /**
     * A periodic pass reads a few thousand index entries, not the whole table: the rows from just below the highest
     * chained id (late commits within the lookback; read from the chain, so it holds whichever instance sealed), then
     * one chunk of the sweep over everything older. (The old partial index {@code WHERE hash IS NULL} kept every
     * sealed row as a dead entry until vacuum: 375 ms per pass under load, docs/performance.md.)
     */
    private List<Long> recentAndSwept() {
        long recentFrom = recentFrom();
        List<Long> unsealed = unsealedIds(recentFrom);
        if (unsealed.size() < BATCH) {
            long from = sweepFrom.get();
            if (from >= recentFrom) {
                sweepFrom.set(0); // the sweep reached the recent window: start over
            } else {
                addUnsealed(from, Math.min(from + CHUNK, recentFrom) - 1, unsealed);
                sweepFrom.set(from + CHUNK);
            }
        }
        return unsealed;
    }

    /** Up to {@link #BATCH} ids of audit rows without a chain row, from {@code from}, oldest first. */
    private List<Long> unsealedIds(long from) {
        List<Long> unsealed = new ArrayList<>();
        Long highest = jdbc.queryForObject("SELECT max(id) FROM audit_logs", Long.class);
        for (long cursor = from; highest != null && cursor <= highest && unsealed.size() < BATCH; cursor += CHUNK) {
            addUnsealed(cursor, cursor + CHUNK - 1, unsealed);
        }
        return unsealed;
    }

    /**
     * Adds the unsealed ids in [from, to] until {@code into} holds {@link #BATCH}. Two plain index range scans, set
     * difference in Java: an anti-join's plan depends on table statistics (a hash anti-join over the whole chain when
     * they are missing, as with autovacuum off), this does not. Closed ranges, not "id >= ? LIMIT n": without
     * statistics PostgreSQL seq-scans an open range.
     */
    private void addUnsealed(long from, long to, List<Long> into) {
        List<Long> ids = jdbc.queryForList(
                "SELECT id FROM audit_logs WHERE id BETWEEN ? AND ? ORDER BY id", Long.class, from, to);
        Set<Long> chained = new HashSet<>(jdbc.queryForList(
                "SELECT audit_id FROM audit_chain WHERE audit_id BETWEEN ? AND ?", Long.class, from, to));
        for (Long id : ids) {
            if (!chained.contains(id) && into.size() < BATCH) {
                into.add(id);
            }
        }
    }

    /** The whole batch in ONE statement (arrays unnested server-side). */
    private void append(List<Sealed> sealed) {
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(APPEND)) {
                statement.setArray(
                        1, connection.createArrayOf("bigint", column(sealed, Sealed::chainSeq, Long[]::new)));
                statement.setArray(2, connection.createArrayOf("bigint", column(sealed, Sealed::id, Long[]::new)));
                statement.setArray(
                        3, connection.createArrayOf("bytea", column(sealed, Sealed::previous, byte[][]::new)));
                statement.setArray(4, connection.createArrayOf("bytea", column(sealed, Sealed::hash, byte[][]::new)));
                return statement.executeUpdate();
            }
        });
    }

    private static <T> T[] column(List<Sealed> sealed, Function<Sealed, T> field, IntFunction<T[]> array) {
        return sealed.stream().map(field).toArray(array);
    }

    private Head head() {
        List<Head> heads = jdbc.query(
                "SELECT chain_seq, hash FROM audit_chain ORDER BY chain_seq DESC LIMIT 1",
                (rs, n) -> new Head(rs.getLong("chain_seq"), rs.getBytes("hash")));
        return heads.isEmpty() ? new Head(0, AuditChain.GENESIS) : heads.get(0);
    }
}
