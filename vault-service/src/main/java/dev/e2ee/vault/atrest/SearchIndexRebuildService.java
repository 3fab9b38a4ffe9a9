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
        long processed = 0;
        int batches = 0;
        while (batches < maxBatches) {
            int done = rebuilder.rebuildBatch(batchSize);
            batches++;
            processed += done;
            if (done < batchSize) {
                break;
            }
        }
        long remaining = rebuilder.remaining();
        long total = processed;
        transactions.executeWithoutResult(status -> audit.success(
                "search-index.rebuild", "key", "blind-index", Map.of("processed", total, "remaining", remaining)));
        return new Progress(processed, remaining, batches, remaining == 0);
    }
}
