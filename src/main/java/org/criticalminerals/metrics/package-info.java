/**
 * What the service tells operators beyond Spring's own metrics: GraphQL latency per operation (names bounded)
 * and the time of every Cypher statement by kind. The other features count their own (import records and
 * runs in {@code ingest}, store size in {@code database}, GraphQL errors by code in {@code api}); all are served
 * at {@code /actuator/prometheus} to callers with a key.
 */
@NullMarked
package org.criticalminerals.metrics;

import org.jspecify.annotations.NullMarked;
