/**
 * The data directory's disk as a first-class concern (embedded mode): writes are refused with STORAGE_FULL before
 * the disk is full, health says DOWN while the database cannot write, and a database that Neo4j stopped after a
 * failed write is restarted in place once space is back.
 */
@NullMarked
package org.criticalminerals.storage;

import org.jspecify.annotations.NullMarked;
