package org.criticalminerals.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The store-size gauge counts the store files and the transaction logs, and walks the disk at most every 30 s. */
class StoreSizeTest {

    @TempDir
    Path home;

    @Test
    void countsEachPartAndCachesBetweenScrapes() throws IOException {
        Path databases = Files.createDirectories(home.resolve("data/databases/neo4j"));
        Path transactions = Files.createDirectories(home.resolve("data/transactions/neo4j"));
        Files.write(databases.resolve("neostore.nodestore.db"), new byte[3000]);
        Files.write(databases.resolve("neostore.relationshipstore.db"), new byte[1000]);
        Files.write(transactions.resolve("neostore.transaction.db.0"), new byte[500]);
        Files.write(Files.createDirectories(home.resolve("plugins")).resolve("gds.jar"), new byte[9999]); // not the store
        AtomicLong clock = new AtomicLong();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new StoreSize(home, clock::get).bindTo(registry);

        assertThat(gauge(registry, "databases")).isEqualTo(4000);
        assertThat(gauge(registry, "transactions")).isEqualTo(500);

        Files.write(databases.resolve("neostore.propertystore.db"), new byte[2000]);
        clock.addAndGet(StoreSize.CACHED.toNanos() - 1);
        assertThat(gauge(registry, "databases")).as("cached").isEqualTo(4000);
        clock.addAndGet(1);
        assertThat(gauge(registry, "databases")).as("measured again").isEqualTo(6000);
    }

    @Test
    void aStoreNotYetCreatedIsZero() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new StoreSize(home.resolve("missing"), System::nanoTime).bindTo(registry);
        assertThat(gauge(registry, "databases")).isZero();
    }

    private static double gauge(SimpleMeterRegistry registry, String part) {
        return registry.get(StoreSize.NAME).tag("part", part).gauge().value();
    }
}
