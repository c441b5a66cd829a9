/**
 * The load test: many concurrent GraphQL clients on loopback asking a weighted mix of the analysts' questions,
 * lookups, list pages and searches with ids read from the graph, and a report of latencies, throughput,
 * errors and the service's memory. A command-line client of a running service (run by {@code tools/load-test}
 * from the executable jar, for Jackson); nothing of it runs inside the service.
 */
@NullMarked
package org.criticalminerals.load;

import org.jspecify.annotations.NullMarked;
