package org.criticalminerals.ingest;

import java.util.List;

import org.criticalminerals.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class ImportController {

    private static final int MAX_CONTENT = 16 * 1024 * 1024;

    private final KnowledgeImporter importer;

    ImportController(KnowledgeImporter importer) {
        this.importer = importer;
    }

    record ImportKnowledgeInput(String batch, String content, Boolean dryRun) {
    }

    /** An {@code ImportError}: a rejection with the kind of refusal (a {@code MutationErrorCode}). */
    record ImportError(String code, String location, @Nullable String recordId, @Nullable String field, String message) {

        static ImportError of(String code, Rejection rejection) {
            return new ImportError(code, rejection.location(), rejection.recordId(), rejection.field(), rejection.message());
        }
    }

    /** An {@code ImportKnowledgePayload}: the report of an import, or why nothing was written. */
    record ImportKnowledgePayload(@Nullable ImportReport report, List<ImportError> errors) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('PARTNER')")
    ImportKnowledgePayload importKnowledge(@Argument ImportKnowledgeInput input) {
        if (input.batch() == null || !input.batch().matches("[a-z0-9][a-z0-9:._-]{0,99}") || input.batch().equals(KnowledgeBaseLoader.BATCH)) {
            return rejected("INVALID", new Rejection("input", null, "batch",
                    "batch must be 1-100 characters of a-z 0-9 : . _ - and not the curated knowledge base's own batch"));
        }
        if (input.content() == null || input.content().isBlank() || input.content().length() > MAX_CONTENT) {
            return rejected("INVALID", new Rejection("input", null, "content", "content must hold 1 to " + MAX_CONTENT + " characters of records"));
        }
        try {
            ImportReport report = importer.importFiles(input.batch(), List.of(new KnowledgeFile("input", input.content())),
                    Boolean.TRUE.equals(input.dryRun()), Caller.current().orElseThrow());
            return new ImportKnowledgePayload(report, List.of());
        }
        catch (ImportRejectedException e) {
            String code = e instanceof ImportForbiddenException ? "FORBIDDEN" : "INVALID";
            return new ImportKnowledgePayload(null, e.report().rejections().stream().map(r -> ImportError.of(code, r)).toList());
        }
        catch (ImportConflictException e) {
            return rejected("CONFLICT", new Rejection("input", null, "batch", e.getMessage()));
        }
    }

    private static ImportKnowledgePayload rejected(String code, Rejection rejection) {
        return new ImportKnowledgePayload(null, List.of(ImportError.of(code, rejection)));
    }
}
