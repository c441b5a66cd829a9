/**
 * The read-path benchmark of issue 10 ({@code tools/benchmark-reads}): the analysts' questions and a frontend's
 * typical queries sent over GraphQL and, interleaved request by request, the very Cypher statements the service
 * sent for them replayed over Bolt with the Java driver; percentiles, throughput, statements and database hits
 * per request, cold start, heap and RSS, and the targets judged. A command-line client of a running
 * service (run from the executable jar, for Jackson and the driver); nothing of it runs inside the service.
 */
@NullMarked
package org.criticalminerals.benchmark;

import org.jspecify.annotations.NullMarked;
