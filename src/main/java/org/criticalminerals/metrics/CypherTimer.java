package org.criticalminerals.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.summary.QueryType;

/**
 * {@value #NAME}: the time of each Cypher statement the service runs, from {@code run} until its last record is
 * read or it is consumed, by the kind the database reports for it ({@link QueryType}: read, write, read_write,
 * schema_write) and outcome (ok, error; a failed statement's kind is unknown). The timers are made once: a
 * statement costs one {@link Timer#record} and no lookup.
 */
final class CypherTimer {

    static final String NAME = "cmg.cypher.statements";

    private final Map<QueryType, Timer> ok = new EnumMap<>(QueryType.class);

    private final Timer unknownKind;

    private final Timer failed;

    CypherTimer(MeterRegistry registry) {
        for (QueryType type : QueryType.values()) {
            ok.put(type, timer(registry, kind(type), "ok"));
        }
        unknownKind = timer(registry, "unknown", "ok");
        failed = timer(registry, "unknown", "error");
    }

    void succeeded(@Nullable QueryType type, long nanos) {
        (type == null ? unknownKind : ok.get(type)).record(nanos, TimeUnit.NANOSECONDS);
    }

    void failed(long nanos) {
        failed.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** READ_ONLY is "read", WRITE_ONLY "write": what an operator reads on a dashboard. */
    static String kind(QueryType type) {
        return switch (type) {
            case READ_ONLY -> "read";
            case WRITE_ONLY -> "write";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    private static Timer timer(MeterRegistry registry, String kind, String outcome) {
        return Timer.builder(NAME).description("Cypher statements run by the service, from run to the last record read or consumed")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }
}
