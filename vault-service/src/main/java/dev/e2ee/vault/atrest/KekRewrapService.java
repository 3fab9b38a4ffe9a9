package dev.e2ee.vault.atrest;

import dev.e2ee.vault.audit.AuditRecorder;
import dev.e2ee.vault.key.KeyMetadataStore;
import dev.e2ee.vault.prompt.PromptRewrapper;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs KEK re-wrap batches (each its own transaction) and reports progress; never touches plaintext. */
@Service
class KekRewrapService {

    record Progress(String currentKekId, long processed, long remaining, int batches, boolean complete) {}

    private final PromptRewrapper rewrapper;
    private final AuditRecorder audit;
    private final TransactionTemplate transactions;

    KekRewrapService(PromptRewrapper rewrapper, AuditRecorder audit, TransactionTemplate transactions) {
        this.rewrapper = rewrapper;
        this.audit = audit;
        this.transactions = transactions;
    }

    Progress run(int batchSize, int maxBatches) {
        BatchRun run = BatchRun.of(rewrapper::rewrapBatch, batchSize, maxBatches);
        long remaining = rewrapper.remaining();
        transactions.executeWithoutResult(status -> audit.success(
                "kek.rewrap",
                "key",
                KeyMetadataStore.KEK,
                Map.of("kekId", rewrapper.currentKekId(), "processed", run.processed(), "remaining", remaining)));
        return new Progress(rewrapper.currentKekId(), run.processed(), remaining, run.batches(), remaining == 0);
    }
}
