package org.criticalminerals.workbench;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cmg.workbench.*}: the analysts' tools.
 *
 * @param browser Neo4j Browser at {@code /browser/} ({@code CMG_BROWSER}); only in embedded mode, where this
 *        process serves Bolt
 * @param cypher the read-only Cypher endpoint {@code POST /cypher}
 */
@Validated
@ConfigurationProperties("cmg.workbench")
public record WorkbenchProperties(@Valid @NotNull Browser browser, @Valid @NotNull Cypher cypher) {

    /** @param enabled whether {@code /browser/} is served (embedded mode only) */
    public record Browser(boolean enabled) {
    }

    /** @param rowLimit most rows one statement returns; more are cut off and the answer says so ({@code truncated}) */
    public record Cypher(@Min(1) @Max(100_000) int rowLimit) {
    }
}
