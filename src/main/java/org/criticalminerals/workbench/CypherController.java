package org.criticalminerals.workbench;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.api.HttpErrorBodies;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /cypher}: one parameterised, read-only statement for analysts with a key (reader role and
 * above). JSON by default; CSV with {@code Accept: text/csv} or {@code format=csv} (in the body or the query).
 */
@RestController
class CypherController {

    static final String TRUNCATED_HEADER = "CMG-Truncated";

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final ReadOnlyCypher cypher;

    private final JsonMapper json;

    private final HttpErrorBodies errors;

    CypherController(ReadOnlyCypher cypher, JsonMapper json, HttpErrorBodies errors) {
        this.cypher = cypher;
        this.json = json;
        this.errors = errors;
    }

    /** The body: the statement, its parameters, and optionally {@code "format": "csv"}. */
    record CypherRequest(@Nullable String statement, @Nullable Map<String, Object> parameters, @Nullable String format) {
    }

    @PostMapping(path = ReadOnlyCypher.PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> run(@RequestBody CypherRequest request, @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        String wanted = format != null ? format : request.format();
        boolean csv = wanted != null ? wanted.equalsIgnoreCase("csv") : accept != null && accept.contains("text/csv");
        if (wanted != null && !wanted.equalsIgnoreCase("csv") && !wanted.equalsIgnoreCase("json")) {
            throw new ReadOnlyCypher.Refused(400, ErrorCode.BAD_REQUEST, "format must be json or csv, not '" + wanted + "'.");
        }
        ReadOnlyCypher.Answer answer = cypher.run(request.statement(), request.parameters());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().header(TRUNCATED_HEADER, Boolean.toString(answer.truncated()));
        if (csv) {
            return ok.contentType(CSV).body(CypherCsv.write(answer, json));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", answer.columns());
        body.put("rows", answer.rows());
        body.put("rowCount", answer.rows().size());
        body.put("truncated", answer.truncated());
        body.put("rowLimit", answer.rowLimit());
        return ok.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @ExceptionHandler(ReadOnlyCypher.Refused.class)
    void refused(ReadOnlyCypher.Refused e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, 400, ErrorCode.BAD_REQUEST,
                "The body must be JSON: {\"statement\": \"MATCH … RETURN …\", \"parameters\": {…}}.");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void notJson(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, 415, ErrorCode.BAD_REQUEST, "Send the statement as JSON (Content-Type: application/json).");
    }
}
