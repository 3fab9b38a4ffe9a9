package dev.e2ee.vault.audit;

import java.security.MessageDigest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Walks the sealed chain in {@code chain_seq} order and reports the first row whose link does not hold. */
@Component
public class AuditChainVerifier {

    /** {@code firstBrokenId} is null when valid; {@code unsealed} counts rows not yet chained. */
    public record Result(boolean valid, long checked, Long firstBrokenId, long unsealed) {}

    private static final class Walk {
        long checked;
        long expectedSeq = 1;
        byte[] previous = AuditChain.GENESIS;
        Long firstBrokenId;
    }

    private final JdbcTemplate jdbc;
    private final AuditChainSealer sealer;
    private final TransactionTemplate readOnly;

    AuditChainVerifier(JdbcTemplate jdbc, AuditChainSealer sealer, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
        this.sealer = sealer;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Seals pending rows first (waiting for a running sealer), then verifies. */
    public Result sealAndVerify() {
        sealer.sealAll();
        return verify();
    }

    /**
     * Walks the chain in a read-only transaction: only there does the driver honour the fetch size and stream the rows
     * (in autocommit PgJDBC reads the whole result into memory; at 150k rows that exhausted a 160 MiB heap when
     * {@link #sealAndVerify} called this method directly, bypassing its {@code @Transactional}).
     */
    public Result verify() {
        return readOnly.execute(status -> walk());
    }

    private Result walk() {
        Walk walk = new Walk();
        jdbc.query(
                "SELECT c.chain_seq, c.prev_hash, c.hash, " + AuditChain.COLUMNS
                        + " FROM audit_chain c JOIN audit_logs a ON a.id = c.audit_id ORDER BY c.chain_seq",
                rs -> {
                    if (walk.firstBrokenId != null) {
                        return;
                    }
                    long seq = rs.getLong("chain_seq");
                    byte[] expected = AuditChain.hash(walk.previous, seq, rs);
                    boolean linked = seq == walk.expectedSeq
                            && MessageDigest.isEqual(walk.previous, rs.getBytes("prev_hash"))
                            && MessageDigest.isEqual(expected, rs.getBytes("hash"));
                    walk.checked++;
                    if (!linked) {
                        walk.firstBrokenId = rs.getLong("id");
                    }
                    walk.previous = rs.getBytes("hash");
                    walk.expectedSeq = seq + 1;
                });
        return new Result(walk.firstBrokenId == null, walk.checked, walk.firstBrokenId, sealer.unsealedCount());
    }
}
