package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.database.DatabaseAvailability;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.security.Caller;
import org.criticalminerals.storage.StorageFullException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /import}: a partner file as the request body, streamed to a temporary file (never held in
 * memory) and imported like any other: JSON Lines ({@code application/x-ndjson}), CSV ({@code text/csv},
 * one record type per file: {@code ?type=} or a type column), or a YAML or JSON list ({@code application/yaml},
 * {@code application/json}). Parameters: {@code batch} (required), {@code dryRun}, {@code replace} (the file is
 * the whole batch), {@code restore} (an export, curators only). With {@code Accept: application/x-ndjson} the
 * answer streams progress lines and ends with the report; otherwise it is the report alone: 200 when
 * imported, 422 with every problem when nothing was written, 403 when the key may not write into the batch,
 * 409 with {@code Retry-After} when another import of the batch runs, 507 ({@code code: STORAGE_FULL}) when the data
 * disk is full, 503 (with {@code Retry-After}) when the database went away.
 */
@RestController
class ImportEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final KnowledgeImporter importer;

    private final long maxBytes;

    private final long maxInMemoryBytes;

    private final DatabaseAvailability database;

    ImportEndpoint(KnowledgeImporter importer, DatabaseAvailability database, @Value("${cmg.import.max-size:4GB}") DataSize maxSize) {
        this.importer = importer;
        this.database = database;
        this.maxBytes = maxSize.toBytes();
        this.maxInMemoryBytes = DataSize.ofMegabytes(64).toBytes();
    }

    @PostMapping("/import")
    void importFile(@RequestParam String batch, @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(defaultValue = "false") boolean replace, @RequestParam(defaultValue = "false") boolean restore,
            @RequestParam(required = false) @Nullable String type, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Caller.current().orElseThrow();
        String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
        boolean streaming = accept.contains(NDJSON.toString());
        String problem = checkParameters(batch, type);
        if (problem != null) {
            answer(response, 400, report(batch, new Rejection("request", null, "batch", problem)));
            return;
        }
        String contentType = String.valueOf(request.getContentType()).toLowerCase(Locale.ROOT);
        Path spool = Files.createTempFile("cmg-import-", ".upload");
        try {
            long size = spool(request.getInputStream(), spool);
            if (size < 0) {
                answer(response, 413, report(batch, new Rejection("request", null, null,
                        "the file is larger than the limit of " + maxBytes + " bytes (cmg.import.max-size)")));
                return;
            }
            RecordSource source;
            String name = "upload";
            if (contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/jsonl")
                    || contentType.startsWith("application/json-lines")) {
                source = new JsonLinesRecords(name, spool);
            }
            else if (contentType.startsWith("text/csv")) {
                source = new CsvRecords(name, spool, type);
            }
            else if (contentType.startsWith("application/yaml") || contentType.startsWith("text/yaml") || contentType.startsWith("application/json")) {
                if (size > maxInMemoryBytes) {
                    answer(response, 413, report(batch, new Rejection("request", null, null,
                            "a YAML or JSON document is read whole, at most 64 MB; send larger files as JSON Lines or CSV")));
                    return;
                }
                String text;
                try {
                    text = Files.readString(spool, StandardCharsets.UTF_8);
                }
                catch (CharacterCodingException e) {
                    answer(response, 422, report(batch, new Rejection(name, null, null,
                            "the file is not UTF-8 text (UTF-16, or bytes of another encoding): save it as UTF-8")));
                    return;
                }
                source = RecordSource.of(new KnowledgeFile(name, text));
            }
            else {
                answer(response, 415, report(batch, new Rejection("request", null, null, "send application/x-ndjson, text/csv, "
                        + "application/yaml or application/json, not " + contentType)));
                return;
            }
            run(new KnowledgeImporter.Request(batch, List.of(source), dryRun, replace, caller, null, tx -> { }, restore), streaming, response);
        }
        finally {
            Files.deleteIfExists(spool);
        }
    }

    private void run(KnowledgeImporter.Request request, boolean streaming, HttpServletResponse response) throws IOException {
        OutputStream out = null;
        KnowledgeImporter.Progress progress = KnowledgeImporter.Progress.NONE;
        if (streaming) {
            response.setStatus(200);
            response.setContentType(NDJSON.toString());
            out = response.getOutputStream();
            OutputStream stream = out;
            long started = System.nanoTime();
            progress = (phase, done, total) -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("phase", phase);
                line.put("done", done);
                line.put("total", total);
                line.put("seconds", (System.nanoTime() - started) / 1e9);
                try {
                    stream.write((JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
                    stream.flush();
                }
                catch (IOException e) {
                    // the client stopped listening; the import goes on to its end, whole or not at all
                }
            };
        }
        int status;
        Map<String, Object> body;
        try {
            ImportReport report = importer.importRecords(request, progress);
            status = 200;
            body = report(report);
        }
        catch (ImportRejectedException e) {
            status = e instanceof ImportForbiddenException ? 403 : 422;
            body = report(e.report());
        }
        catch (ImportConflictException e) {
            status = 409;
            body = report(request.batch(), new Rejection("batch", null, "batch", e.getMessage()));
            body.put("code", "CONFLICT");
            body.put("retryable", true);
            if (!streaming) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(ImportConflictException.RETRY_AFTER_SECONDS));
            }
        }
        catch (StorageFullException e) {
            status = 507; // Insufficient Storage
            body = report(request.batch(), new Rejection("request", null, null, e.getMessage()));
            body.put("code", "STORAGE_FULL");
        }
        catch (RuntimeException e) {
            if (!database.noteFailure(e)) {
                throw e;
            }
            status = 503;
            body = report(request.batch(), new Rejection("database", null, null, DatabaseAvailability.LOST_DURING_REQUEST));
            body.put("retryable", true);
        }
        if (streaming) {
            body.put("status", status);
            out.write((JSON.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        else {
            answer(response, status, body);
        }
    }

    /** Copies the body to the file; -1 when it grows past the limit. */
    private long spool(InputStream in, Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > maxBytes) {
                    return -1;
                }
                out.write(buffer, 0, n);
            }
        }
        return total;
    }

    private static @Nullable String checkParameters(String batch, @Nullable String type) {
        String batchProblem = KnowledgeImporter.batchNameProblem(batch);
        if (batchProblem != null) {
            return batchProblem;
        }
        if (type != null && RecordSchema.find(type).isEmpty()) {
            return "type must be one of " + RecordSchema.typeNames();
        }
        return null;
    }

    private static Map<String, Object> report(ImportReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("batch", report.batch());
        body.put("accepted", report.accepted());
        body.put("dryRun", report.dryRun());
        body.put("recordsRead", report.recordsRead());
        body.put("recordsByType", report.recordsByType());
        body.put("claimsWritten", report.claimsWritten());
        body.put("claimsRemoved", report.claimsRemoved());
        body.put("factsChanged", report.factsChanged());
        body.put("relationshipsWritten", report.relationshipsWritten());
        body.put("problemCount", report.rejectionCount());
        body.put("problems", report.rejections().stream().map(ImportEndpoint::problem).toList());
        return body;
    }

    /** A refusal before the import starts: one problem, nothing read. */
    private static Map<String, Object> report(String batch, Rejection problem) {
        return report(new ImportReport(batch, 0, Map.of(), 0, 0, 0, 0, false, false, List.of(problem), 1));
    }

    private static Map<String, Object> problem(Rejection rejection) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("location", rejection.location());
        problem.put("recordId", rejection.recordId());
        problem.put("field", rejection.field());
        problem.put("message", rejection.message());
        return problem;
    }

    private static void answer(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseAvailability.RETRY_AFTER_SECONDS));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
