/**
 * The Neo4j the service runs on: embedded or a server, migrations, availability.
 */
@NullMarked
package org.criticalminerals.database;

import org.jspecify.annotations.NullMarked;
