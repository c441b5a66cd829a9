package org.criticalminerals.database;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The service's own settings ({@code cmg.*}), validated at start-up so that a bad value stops the
 * service with a clear message instead of failing later.
 */
@Validated
@ConfigurationProperties("cmg")
public record GraphProperties(@NotNull Mode mode, @Valid @NotNull Embedded embedded, @Valid @NotNull KnowledgeBase knowledgeBase) {

    public enum Mode {
        /** Neo4j runs in this process, store on disk, Bolt on localhost. */
        EMBEDDED,
        /** An external Neo4j (single server, cluster or Aura) at {@code spring.neo4j.uri}. */
        SERVER
    }

    /**
     * @param password the Bolt password of user neo4j ({@code NEO4J_PASSWORD}); blank: generated and kept in the data directory
     * @param loadCsvFiles whether Bolt users may {@code LOAD CSV} from files (only from {@code <data-dir>/import})
     * @param loadCsvUrls whether Bolt users may {@code LOAD CSV} from URLs
     * @param transactionTimeout the longest a Bolt user's transaction may run unless it sets its own timeout
     * @param pageCache the page cache size ({@code CMG_PAGE_CACHE}: {@code 512m}, {@code 2g} …); blank: from the store
     *        size at start-up ({@link PageCacheSize})
     */
    public record Embedded(@NotBlank String dataDir, @NotBlank String boltAddress, @Min(1) @Max(65535) int boltPort,
            @NotNull String pageCache, @NotNull String password, boolean loadCsvFiles, boolean loadCsvUrls,
            @NotNull Duration transactionTimeout) {
    }

    public record KnowledgeBase(boolean loadOnStartup, @NotBlank String location) {
    }
}
