package org.criticalminerals.ingest;

import org.criticalminerals.database.GraphProperties;
import org.criticalminerals.database.StartupStep;
import org.criticalminerals.storage.DatabaseRestartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, before anything else writes: an import run that a dead process left behind is undone (or, if it
 * was only cleaning up, finished), so that a large import is all or nothing even across a crash. In embedded
 * mode this process is the only writer, so every unfinished run is dead; in server mode only those whose
 * heartbeat stopped (several instances may share the database). The same after the embedded database was restarted
 * in place (its disk had filled up): the runs that its stop cut short are undone before the service accepts traffic
 * again.
 */
@Component
@Order(-10)
class ImportRecovery implements StartupStep {

    private final KnowledgeImporter importer;

    private final GraphProperties properties;

    ImportRecovery(KnowledgeImporter importer, GraphProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run() {
        importer.recoverRuns(properties.mode() == GraphProperties.Mode.EMBEDDED);
    }

    @EventListener
    void afterDatabaseRestart(DatabaseRestartedEvent event) {
        importer.recoverRuns(true);
    }
}
