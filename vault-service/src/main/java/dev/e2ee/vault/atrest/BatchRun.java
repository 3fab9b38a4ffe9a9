package dev.e2ee.vault.atrest;

import java.util.function.IntUnaryOperator;

/**
 * What a run of resumable batches did. Each batch (its own transaction) returns how many rows it changed; a short
 * batch means nothing is left, so the run stops there or after {@code maxBatches}.
 */
record BatchRun(long processed, int batches) {

    static BatchRun of(IntUnaryOperator batch, int batchSize, int maxBatches) {
        long processed = 0;
        int batches = 0;
        while (batches < maxBatches) {
            int done = batch.applyAsInt(batchSize);
            batches++;
            processed += done;
            if (done < batchSize) {
                break;
            }
        }
        return new BatchRun(processed, batches);
    }
}
