package dev.e2ee.vault.atrest;

import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.prompt.PromptTokenRebuilder;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs blind-index rebuild batches (each its own transaction, resumable: every call continues where the last
 * stopped) that move version-1 search tokens (one key for all owners) to per-owner tokens, and reports progress.
 */
@Service
class SearchIndexRebuildService {

    record Progress(long processed, long remaining, int batches, boolean complete) {}

    private final PromptTokenRebuilder rebuilder;
    private final AuditRecorder audit;
    private final TransactionTemplate transactions;

    SearchIndexRebuildService(PromptTokenRebuilder rebuilder, AuditRecorder audit, TransactionTemplate transactions) {
        this.rebuilder = rebuilder;
        this.audit = audit;
        this.transactions = transactions;
    }

    Progress run(int batchSize, int maxBatches) {
        BatchRun run = BatchRun.of(rebuilder::rebuildBatch, batchSize, maxBatches);
        long remaining = rebuilder.remaining();
        transactions.executeWithoutResult(status -> audit.success(
                "search-index.rebuild",
                "key",
                "blind-index",
                Map.of("processed", run.processed(), "remaining", remaining)));
        return new Progress(run.processed(), remaining, run.batches(), remaining == 0);
    }
}
