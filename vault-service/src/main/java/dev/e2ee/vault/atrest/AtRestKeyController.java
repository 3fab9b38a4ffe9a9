package dev.e2ee.vault.atrest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admin: moves stored data to the current keys in batches (KEK re-wrap, per-owner search tokens). */
@RestController
@RequestMapping("/api/v1/keys")
@Tag(name = "Keys")
class AtRestKeyController {

    private final KekRewrapService rewrap;
    private final SearchIndexRebuildService searchIndex;

    AtRestKeyController(KekRewrapService rewrap, SearchIndexRebuildService searchIndex) {
        this.rewrap = rewrap;
        this.searchIndex = searchIndex;
    }

    @PostMapping("/kek/rewrap")
    @Operation(summary = "Admin: re-wrap stored DEKs to the current KEK in batches; reports progress")
    KekRewrapService.Progress rewrap(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int batchSize,
            @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int maxBatches) {
        return rewrap.run(batchSize, maxBatches);
    }

    @PostMapping("/blind-index/rebuild")
    @Operation(
            summary = "Admin: rebuild search tokens written under the shared blind-index key as per-owner tokens, in"
                    + " batches; reports progress")
    SearchIndexRebuildService.Progress rebuildSearchIndex(
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int batchSize,
            @RequestParam(defaultValue = "10") @Min(1) @Max(1000) int maxBatches) {
        return searchIndex.run(batchSize, maxBatches);
    }
}
