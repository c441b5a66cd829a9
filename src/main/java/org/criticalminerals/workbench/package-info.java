/**
 * The analysts' workbench: the tools they know from a Neo4j server, in the embedded mode too — APOC and
 * Graph Data Science in the database ({@link Neo4jPlugins}), Neo4j Browser at {@code /browser/}, the route
 * explorer at {@code /explorer/}, and a read-only Cypher endpoint ({@code POST /cypher}) for those who must
 * not write.
 */
@NullMarked
package org.criticalminerals.workbench;

import org.jspecify.annotations.NullMarked;
