package org.criticalminerals.storage;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param minFreeSpace below this much free space on the data directory's disk, writes are refused (STORAGE_FULL) and
 *        health is DOWN: Neo4j needs room for its transaction log and checkpoints, and a write that fails for want of
 *        space stops the whole database
 * @param checkInterval how often the disk and the database are looked at
 */
@Validated
@ConfigurationProperties("cmg.storage")
public record StorageProperties(@NotNull DataSize minFreeSpace, @NotNull Duration checkInterval) {
}
