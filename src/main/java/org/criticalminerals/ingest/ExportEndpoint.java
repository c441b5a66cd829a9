package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export}: the graph, or a part of it, as JSON Lines with provenance (see {@link Exporter}):
 * {@code type} (repeatable), {@code batch}, {@code source}, {@code changedSince} (ISO 8601 date-time).
 * Import it again with {@code POST /import?restore=true} (curators) to get the same claims back.
 */
@RestController
class ExportEndpoint {

    private final Exporter exporter;

    private final HttpErrorBodies errors;

    ExportEndpoint(Exporter exporter, HttpErrorBodies errors) {
        this.exporter = exporter;
        this.errors = errors;
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) @Nullable List<String> type, @RequestParam(required = false) @Nullable String batch,
            @RequestParam(required = false) @Nullable String source, @RequestParam(required = false) @Nullable String changedSince,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        ZonedDateTime since;
        try {
            since = changedSince == null ? null : ZonedDateTime.parse(changedSince);
        }
        catch (DateTimeParseException e) {
            errors.write(request, response, 400, ErrorCode.BAD_REQUEST, "changedSince must be an ISO 8601 date-time such as 2026-12-01T00:00:00Z");
            return;
        }
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"critical-minerals-graph-export.jsonl\"");
        try (OutputStream out = response.getOutputStream()) {
            exporter.export(new Exporter.Selection(type == null ? List.of() : type, batch, source, since), out);
        }
        catch (IllegalArgumentException e) {
            if (!response.isCommitted()) {
                response.reset();
                errors.write(request, response, 400, ErrorCode.BAD_REQUEST, e.getMessage());
            }
        }
    }
}
