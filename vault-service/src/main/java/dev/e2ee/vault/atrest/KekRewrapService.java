package dev.e2ee.vault.atrest;
import dev.e2ee.vault.key.KeyService;

import dev.e2ee.vault.audit.AuditRecorder;
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
        long processed = 0;
        int batches = 0;
        while (batches < maxBatches) {
            int done = rewrapper.rewrapBatch(batchSize);
            batches++;
            processed += done;
            if (done < batchSize) {
                break;
            }
        }
        long remaining = rewrapper.remaining();
        long total = processed;
        transactions.executeWithoutResult(status -> audit.success(
                "kek.rewrap",
                "key",
                KeyService.KEK,
                Map.of("kekId", rewrapper.currentKekId(), "processed", total, "remaining", remaining)));
        return new Progress(rewrapper.currentKekId(), processed, remaining, batches, remaining == 0);
    }
}
