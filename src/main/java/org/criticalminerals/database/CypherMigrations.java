package org.criticalminerals.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned {@code cypher/migrations/V<n>__<description>.cypher} files once each, in version
 * order, and records each as a {@code (:SchemaMigration)} node with its checksum. A file changed after it
 * was applied stops the start-up: a migration is history, a change needs a new version. The first step of the
 * {@link StartupWork}, which runs it on one instance at a time.
 */
@Component
@Order(-20)
public class CypherMigrations implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(CypherMigrations.class);

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(.+)\\.cypher");

    private final Driver driver;

    private static final String LOCATION = "classpath*:cypher/migrations/*.cypher";

    CypherMigrations(Driver driver) {
        this.driver = driver;
    }

    record Migration(int version, String description, String checksum, List<String> statements) {
    }

    @Override
    public void run() {
        List<Migration> migrations = load();
        try (Session session = driver.session(SessionConfig.defaultConfig())) {
            session.executeWriteWithoutResult(tx -> tx.run(
                    "CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE"));
            Map<Long, String> applied = session.executeRead(tx -> tx.run("MATCH (m:SchemaMigration) RETURN m.version AS v, m.checksum AS c")
                    .list(r -> Map.entry(r.get("v").asLong(), r.get("c").asString()))
                    .stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            int ran = 0;
            for (Migration migration : migrations) {
                String checksum = applied.get((long) migration.version());
                if (checksum != null) {
                    if (!checksum.equals(migration.checksum())) {
                        throw new IllegalStateException("Migration V" + migration.version() + " (" + migration.description()
                                + ") was changed after it was applied; add a new migration instead.");
                    }
                    continue;
                }
                // schema statements cannot share a transaction with data writes, so each runs on its own
                for (String statement : migration.statements()) {
                    session.executeWriteWithoutResult(tx -> tx.run(statement));
                }
                // MERGE: a commit whose answer was lost is retried by the driver, and must not fail on the record it made
                session.executeWriteWithoutResult(tx -> tx.run("""
                        MERGE (m:SchemaMigration {version: $version})
                        ON CREATE SET m.description = $description, m.checksum = $checksum, m.appliedAt = datetime()""",
                        Map.of("version", migration.version(), "description", migration.description(), "checksum", migration.checksum())));
                ran++;
                log.info("Applied migration V{} {} ({} statements)", migration.version(), migration.description(),
                        migration.statements().size());
            }
            session.executeWriteWithoutResult(tx -> tx.run("CALL db.awaitIndexes(300)"));
            log.info("Schema migrations: {} applied now, {} in total", ran, migrations.size());
        }
    }

    List<Migration> load() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            List<Migration> migrations = new ArrayList<>();
            for (Resource resource : resources) {
                Matcher name = FILE_NAME.matcher(resource.getFilename() == null ? "" : resource.getFilename());
                if (!name.matches()) {
                    throw new IllegalStateException("Migration file " + resource.getFilename() + " is not named V<n>__<description>.cypher");
                }
                String text = resource.getContentAsString(StandardCharsets.UTF_8);
                migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), sha256(text), statements(text)));
            }
            migrations.sort(Comparator.comparingInt(Migration::version));
            return distinctVersions(migrations);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One migration per version: the same file found twice on the class path (a directory and a jar) counts once,
     * two different files with one version stop the start-up.
     */
    static List<Migration> distinctVersions(List<Migration> sorted) {
        List<Migration> distinct = new ArrayList<>();
        for (Migration migration : sorted) {
            Migration previous = distinct.isEmpty() ? null : distinct.get(distinct.size() - 1);
            if (previous != null && previous.version() == migration.version()) {
                if (!previous.checksum().equals(migration.checksum())) {
                    throw new IllegalStateException("Two different migration files have version V" + migration.version() + " ("
                            + previous.description() + ", " + migration.description() + "); give each its own version.");
                }
                continue;
            }
            distinct.add(migration);
        }
        return distinct;
    }

    /** Statements end with a semicolon at the end of a line; whole-line {@code //} comments are skipped. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
