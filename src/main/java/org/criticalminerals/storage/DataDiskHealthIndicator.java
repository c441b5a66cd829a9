package org.criticalminerals.storage;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code dataDisk} in {@code /actuator/health}: DOWN while the database cannot write (its data directory's disk below
 * {@code cmg.storage.min-free-space}, or Neo4j stopped the database after a failed write), with the figures.
 * Not part of readiness: reads go on while writes are refused; a stopped database refuses readiness itself.
 */
@Component // "dataDisk": Boot names a health contributor after its bean without the HealthIndicator suffix
@ConditionalOnProperty(name = "cmg.mode", havingValue = "embedded", matchIfMissing = true)
class DataDiskHealthIndicator implements HealthIndicator {

    private final DataDisk disk;

    DataDiskHealthIndicator(DataDisk disk) {
        this.disk = disk;
    }

    @Override
    public Health health() {
        DataDisk.Status status = disk.status();
        Health.Builder health = status.writable() ? Health.up() : Health.down();
        health.withDetail("path", status.path().toString())
                .withDetail("free", status.freeBytes())
                .withDetail("total", status.totalBytes())
                .withDetail("minFree", status.minFreeBytes())
                .withDetail("writable", status.writable());
        if (status.databaseStopped() != null) {
            health.withDetail("databaseStopped", status.databaseStopped());
        }
        if (status.restarting()) {
            health.withDetail("restarting", true);
        }
        return health.build();
    }
}
