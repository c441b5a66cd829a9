package org.criticalminerals.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a panic leaves at the end of the transaction log, against a real embedded Neo4j (no Bolt): bytes that do not
 * read as entries, as the stop of a database whose append failed on a full disk writes them (FullDiskTest does it
 * with a real full disk, where it can mount one). With the end recorded at the panic the next start cuts them off and
 * the store is as committed; without it the default database does not start, and the start says so instead of
 * passing for running.
 */
class EmbeddedDatabaseRestartTest {

    private static final Path LOG = Path.of("data", "transactions", "neo4j", "neostore.transaction.db.0");

    @TempDir
    Path home;

    /** The DBMS the last start made (EmbeddedDatabase speaks to the service through Bolt only). */
    private final AtomicReference<DatabaseManagementService> running = new AtomicReference<>();

    @Test
    void theLogIsCutWhereItEndedAtThePanicAndTheNextStartHasWhatCommitted() throws Exception {
        EmbeddedDatabase database = started();
        createNode("before the panic");
        panic();
        database.close();
        long committed = Files.size(home.resolve(LOG));
        appendBytesThatAreNoEntries();

        EmbeddedDatabase next = started();
        try {
            assertThat(Files.size(home.resolve(LOG))).as("cut where it ended at the panic, then appended to by the start").isGreaterThanOrEqualTo(committed);
            assertThat(names()).isEqualTo("before the panic");
            createNode("after the restart");
            assertThat(names()).isEqualTo("after the restart,before the panic");
            assertThat(new TransactionLogCut(home).recorded()).as("done with").isEmpty();
        }
        finally {
            next.close();
        }
    }

    @Test
    void withoutTheRecordTheDefaultDatabaseDoesNotStartAndTheStartSaysSo() throws Exception {
        EmbeddedDatabase database = started();
        createNode("committed");
        database.close();
        appendBytesThatAreNoEntries();

        assertThatThrownBy(this::started).isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("but its database 'neo4j' did not").hasMessageContaining("logs/debug.log");
    }

    @Test
    void aRestartInPlaceAfterAPanicCutsTheLogAndAnswersAgain() throws Exception {
        EmbeddedDatabase database = started();
        try {
            createNode("before the panic");
            panic();
            assertThat(database.panic()).isPresent();
            database.restart();
            assertThat(database.panic()).isEmpty();
            assertThat(names()).isEqualTo("before the panic");
        }
        finally {
            database.close();
        }
    }

    private EmbeddedDatabase started() {
        return new EmbeddedDatabase(home, afterPanic -> {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 8L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false);
            if (afterPanic) {
                builder.setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, false);
            }
            running.set(builder.build());
            return running.get();
        }, Duration.ofMinutes(2));
    }

    /** What the stop of a panicked database leaves behind its last append: bytes of no entry. */
    private void appendBytesThatAreNoEntries() throws IOException {
        byte[] junk = new byte[64 * 1024];
        new Random(7).nextBytes(junk);
        Files.write(home.resolve(LOG), junk, StandardOpenOption.APPEND);
    }

    private void panic() {
        defaultDatabase().getDependencyResolver().resolveDependency(DatabaseHealth.class).panic(new IOException("No space left on device"));
    }

    private void createNode(String name) {
        defaultDatabase().executeTransactionally("CREATE (:Probe {name: $name})", Map.of("name", name));
    }

    private String names() {
        return defaultDatabase().executeTransactionally("MATCH (p:Probe) RETURN p.name AS name ORDER BY name", Map.of(),
                result -> String.join(",", result.stream().map(row -> (String) row.get("name")).toList()));
    }

    private GraphDatabaseAPI defaultDatabase() {
        return (GraphDatabaseAPI) running.get().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }
}
