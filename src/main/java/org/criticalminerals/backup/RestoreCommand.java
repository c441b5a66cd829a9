package org.criticalminerals.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.criticalminerals.cli.BackupCommand;
import org.criticalminerals.database.GraphProperties;
import org.criticalminerals.ingest.ImportRejectedException;
import org.criticalminerals.ingest.ImportReport;
import org.criticalminerals.ingest.KnowledgeImporter;
import org.criticalminerals.security.Caller;
import org.criticalminerals.security.Role;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --cmg.restore.file=backup.zip}: restores a backup of {@code tools/backup} into this process's store, which
 * must hold nothing yet (a new data directory; the knowledge base not loaded), then counts the store as the backup
 * did and exits: 0 when every count is the manifest's, 1 when one differs (listed), 2 when the file is unusable,
 * 3 when the store is not empty (nothing written). {@code tools/restore} runs it without the web server.
 */
@Component
@Order(Integer.MAX_VALUE) // after the start-up work (schema migrations)
@ConditionalOnProperty(name = "cmg.restore.file")
class RestoreCommand implements ApplicationRunner {

    static final int RESTORED = 0;

    static final int COUNTS_DIFFER = 1;

    static final int UNUSABLE = 2;

    static final int NOT_EMPTY = 3;

    /** Who the restore writes as; every claim keeps the writer the backup gives it. */
    private static final Caller RESTORER = new Caller("restore", Role.CURATOR);

    private final KnowledgeImporter importer;

    private final Driver driver;

    private final GraphProperties properties;

    private final ApplicationContext context;

    private final Environment environment;

    RestoreCommand(KnowledgeImporter importer, Driver driver, GraphProperties properties, ApplicationContext context, Environment environment) {
        this.importer = importer;
        this.driver = driver;
        this.properties = properties;
        this.context = context;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int status = restore(Path.of(environment.getRequiredProperty("cmg.restore.file")));
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int restore(Path file) throws IOException {
        long started = System.nanoTime();
        long present = count("MATCH (n) WHERE NOT n:SchemaMigration RETURN count(n) AS n");
        if (present > 0) {
            say("restore: refused: the store already holds " + present + " nodes; restore into a new, empty data directory"
                    + (properties.knowledgeBase().loadOnStartup() ? " with --cmg.knowledge-base.load-on-startup=false" : ""));
            return NOT_EMPTY;
        }
        Path unpacked = Files.createTempFile("cmg-restore-", ".jsonl");
        try {
            BackupFile backup = BackupFile.open(file, unpacked);
            say(String.format("restore: %s (taken %s): %,d lines, sha256 %s… as in its manifest", file, backup.createdAt(), backup.lines(),
                    backup.sha256().substring(0, 12)));
            ImportReport report = importer.restore(backup.export(), RESTORER, RestoreCommand::say);
            Map<String, Long> counts = counts();
            Map<String, String> differences = BackupCommand.differences(backup.counts(), counts);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (!differences.isEmpty()) {
                say("restore: the restored store differs from the backup's manifest (expected → restored): " + differences);
                return COUNTS_DIFFER;
            }
            say(String.format("restore: done in %.1f s: %,d records, %,d claims; %d labels and relationship types, every count as in the manifest "
                    + "(%,d facts and claims)", seconds, report.recordsRead(), report.claimsWritten(), counts.size(),
                    counts.getOrDefault(":Entity", 0L) + counts.getOrDefault(":Claim", 0L)));
            return RESTORED;
        }
        catch (BackupFile.Unusable e) {
            say("restore: refused: " + e.getMessage());
            return UNUSABLE;
        }
        catch (ImportRejectedException e) {
            say("restore: refused, nothing written: " + e.report().rejections());
            return UNUSABLE;
        }
        finally {
            Files.deleteIfExists(unpacked);
        }
    }

    /** The counts {@link BackupCommand#COUNTS} gives, as the backup took them. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Session session = driver.session()) {
            session.run(BackupCommand.COUNTS).forEachRemaining(r -> counts.put(r.get("key").asString(), r.get("n").asLong()));
        }
        return counts;
    }

    private long count(String cypher) {
        try (Session session = driver.session()) {
            return session.run(cypher).single().get("n").asLong();
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
