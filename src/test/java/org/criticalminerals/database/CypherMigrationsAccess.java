package org.criticalminerals.database;

import org.neo4j.driver.Driver;

/** Applies the migrations to a database the test starts itself. */
public final class CypherMigrationsAccess {

    private CypherMigrationsAccess() {
    }

    public static void apply(Driver driver) {
        new CypherMigrations(driver).run();
    }
}
