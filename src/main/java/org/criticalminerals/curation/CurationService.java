package org.criticalminerals.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.criticalminerals.api.GraphReader;
import org.criticalminerals.ingest.ImportConflictException;
import org.criticalminerals.ingest.ImportRejectedException;
import org.criticalminerals.ingest.KnowledgeFile;
import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.ingest.Rejection;
import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.model.RecordSchema.Shape;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.TransactionContext;
import org.criticalminerals.api.Records;
import org.criticalminerals.model.Evidenced;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Curators' edits: create, update and retire a fact of any type, each a record of the knowledge-base format
 * written through the one write path into the curator's own batch ({@code curation:<key name>}), so that it
 * becomes the curator's claims beside every other source's. An update names the version it read and is
 * refused as a conflict when the fact changed since; a retirement keeps the fact and its history.
 */
@Service
public class CurationService {

    /** The outcome: the fact as it is now, or why nothing was written. */
    public record Result(@Nullable Node fact, @Nullable String id, @Nullable Long version, List<Error> errors) {

        static Result refused(Error... errors) {
            return new Result(null, null, null, List.of(errors));
        }
    }

    public record Error(String code, String message, @Nullable String field) {
    }

    public record Removal(String batch, int factsChanged, List<Error> errors) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KnowledgeImporter importer;

    private final GraphReader reader;

    CurationService(KnowledgeImporter importer, GraphReader reader) {
        this.importer = importer;
        this.reader = reader;
    }

    public Result create(String type, Map<String, Object> input, Caller caller) {
        Result forbidden = forbidden(type, caller);
        if (forbidden != null) {
            return forbidden;
        }
        String id = (String) input.get("id");
        if (currentVersion(type, id) != null) {
            return Result.refused(new Error("ALREADY_EXISTS", "a " + type + " with id " + id + " exists; update it instead", "id"));
        }
        return write(type, id, record(type, input, null), caller, null);
    }

    public Result update(String type, Map<String, Object> input, Caller caller) {
        Result forbidden = forbidden(type, caller);
        if (forbidden != null) {
            return forbidden;
        }
        String id = (String) input.get("id");
        if (currentVersion(type, id) == null) {
            return Result.refused(new Error("NOT_FOUND", "no " + type + " with id " + id, "id"));
        }
        Long expected = input.get("version") instanceof Number n ? n.longValue() : null;
        return write(type, id, record(type, input, null), caller, expected);
    }

    public Result retire(Map<String, Object> input, Caller caller) {
        String id = (String) input.get("id");
        String type = typeOf(id);
        if (type == null) {
            return Result.refused(new Error("NOT_FOUND", "no fact with id " + id, "id"));
        }
        Result forbidden = forbidden(type, caller);
        if (forbidden != null) {
            return forbidden;
        }
        Map<String, Object> record = record(type, Map.of("id", id, "cite", input.get("cite")), Map.of("reason", input.get("reason")));
        // retirements have a batch of their own, so that retiring never replaces the curator's earlier statements
        return write(type, id, record, new Caller(caller.name(), caller.role()), ((Number) input.get("version")).longValue(),
                "curation:" + caller.name() + ":retirements");
    }

    public Removal removeBatch(String batch, Caller caller) {
        try {
            int changed = importer.removeBatch(batch, caller);
            return changed < 0 ? new Removal(batch, 0, List.of(new Error("NOT_FOUND", "no batch " + batch, "batch")))
                    : new Removal(batch, changed, List.of());
        }
        catch (ImportRejectedException e) {
            return new Removal(batch, 0, e.report().rejections().stream().map(r -> new Error("FORBIDDEN", r.message(), "batch")).toList());
        }
        catch (ImportConflictException e) {
            return new Removal(batch, 0, List.of(new Error("CONFLICT", e.getMessage(), "batch")));
        }
    }

    private Result write(String type, String id, Map<String, Object> record, Caller caller, @Nullable Long expectedVersion) {
        return write(type, id, record, caller, expectedVersion, "curation:" + caller.name());
    }

    private Result write(String type, String id, Map<String, Object> record, Caller caller, @Nullable Long expectedVersion, String batch) {
        try {
            importer.importFiles(batch, List.of(new KnowledgeFile("input", JSON.writeValueAsString(List.of(record)))), false, false, false,
                    caller, expectedVersion == null ? tx -> { } : tx -> checkVersion(tx, id, expectedVersion));
        }
        catch (VersionConflict e) {
            return Result.refused(new Error("VERSION_CONFLICT", "the fact is at version " + e.current + ", not " + expectedVersion
                    + ": read it again and re-apply the change", "version"));
        }
        catch (ImportRejectedException e) {
            return new Result(null, id, null, e.report().rejections().stream().map(CurationService::invalid).toList());
        }
        catch (ImportConflictException e) {
            return Result.refused(new Error("CONFLICT", e.getMessage(), null));
        }
        Node fact = RecordSchema.spec(type).shape() == Shape.RELATIONSHIP ? null
                : reader.byId(Records.entityClass(type), id).orElse(null);
        return new Result(fact, id, fact == null ? null : versionOf(fact), List.of());
    }

    /** The record a mutation's input states, in the knowledge-base format. */
    private static Map<String, Object> record(String type, Map<String, Object> input, @Nullable Map<String, Object> retired) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("type", type);
        record.put("id", input.get("id"));
        if (input.get("fields") instanceof Map<?, ?> fields) {
            fields.forEach((field, value) -> {
                if (value != null) {
                    record.put(field.toString(), value);
                }
            });
        }
        if (retired != null) {
            record.put("retired", retired);
        }
        if (input.get("cite") instanceof List<?> cite) {
            record.put("cite", cite.stream().map(c -> withoutNulls((Map<?, ?>) c)).toList());
        }
        return record;
    }

    private static Map<String, Object> withoutNulls(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (v != null) {
                copy.put(k.toString(), v);
            }
        });
        return copy;
    }

    /** Curators edit every fact; partners register their own sources (and import). */
    private static @Nullable Result forbidden(String type, Caller caller) {
        boolean allowed = caller.role() == Role.CURATOR || type.equals("Source") && caller.role().includes(Role.PARTNER);
        return allowed ? null : Result.refused(new Error("FORBIDDEN", "only a curator may edit a " + type + " directly; partners import", null));
    }

    private @Nullable Long currentVersion(String type, String id) {
        if (RecordSchema.spec(type).shape() == Shape.RELATIONSHIP) {
            return reader.rows("MATCH ()-[r:SUPPLIES {record: $id}]->() RETURN 0 AS v LIMIT 1", Map.of("id", id)).stream()
                    .map(r -> 0L).findFirst().orElse(null);
        }
        return reader.byId(Records.entityClass(type), id).map(CurationService::versionOf).orElse(null);
    }

    /** A fact's version; a source has none (0). */
    private static long versionOf(Node fact) {
        return fact instanceof Evidenced evidenced ? evidenced.version() : 0L;
    }

    private @Nullable String typeOf(String id) {
        return reader.node(id).map(f -> f.getClass().getSimpleName()).filter(t -> !t.equals("Source")).orElse(null);
    }

    /** Locks the fact, then reads its version: a concurrent update either committed before or waits for this one. */
    private static void checkVersion(TransactionContext tx, String id, long expected) {
        List<Long> versions = tx.run("MATCH (n:Entity {id: $id}) SET n.locked = true REMOVE n.locked RETURN n.version AS v", Map.of("id", id))
                .list(r -> r.get("v").asLong(0));
        long current = versions.isEmpty() ? 0 : versions.get(0);
        if (!Objects.equals(current, expected)) {
            throw new VersionConflict(current);
        }
    }

    private static Error invalid(Rejection rejection) {
        String field = rejection.field() == null ? null : rejection.field().equals("cite") || rejection.field().equals("id")
                || rejection.field().equals("batch") ? rejection.field() : "fields." + rejection.field();
        return new Error("INVALID", rejection.message(), field);
    }

    /** The fact changed since the version the caller read. */
    private static final class VersionConflict extends RuntimeException {

        final long current;

        VersionConflict(long current) {
            super("version conflict", null, false, false);
            this.current = current;
        }
    }
}
