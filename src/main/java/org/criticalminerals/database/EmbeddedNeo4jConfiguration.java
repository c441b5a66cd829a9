package org.criticalminerals.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.io.ByteUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: a real Neo4j 5 in this process, its store under {@code cmg.embedded.data-dir}, Bolt on
 * localhost so that analysts can connect with any Bolt client. The application itself talks to it over
 * Bolt too, exactly as it would to a server, so both modes run the same code path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cmg.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    static final String BEAN_NAME = "embeddedNeo4j";

    @Bean(name = BEAN_NAME, destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(GraphProperties properties) {
        GraphProperties.Embedded embedded = properties.embedded();
        Path home = usableDataDirectory(embedded.dataDir());
        long started = System.nanoTime();
        try {
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(embedded.boltAddress(), embedded.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt is bound to localhost only; analysts on this machine connect without credentials.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(embedded.pageCache()))
                    // otherwise a fresh store preallocates 2 x 256 MB of transaction logs
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Bolt's graceful netty shutdown otherwise waits ~10 s on Ctrl-C
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
            service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // fails fast if the default database did not start
            log.info("Embedded Neo4j started in {} ms: store {}, Bolt on bolt://{}:{}", (System.nanoTime() - started) / 1_000_000,
                    home, embedded.boltAddress(), embedded.boltPort());
            return service;
        }
        catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "The embedded Neo4j could not start on data directory " + home + " with Bolt on " + embedded.boltAddress() + ":"
                            + embedded.boltPort() + ": " + rootMessage(e),
                    "If another process (a second instance of this service?) uses the data directory or the port, stop it, "
                            + "or set CMG_DATA_DIR / CMG_BOLT_PORT to other values.",
                    e);
        }
    }

    /** Boot's driver must connect only after the embedded database listens on Bolt. */
    @Bean
    static BeanFactoryPostProcessor driverDependsOnEmbeddedNeo4j() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanNamesForType(Driver.class, true, false)) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
                String[] withEmbedded = Arrays.copyOf(dependsOn, dependsOn.length + 1);
                withEmbedded[dependsOn.length] = BEAN_NAME;
                definition.setDependsOn(withEmbedded);
            }
        };
    }

    private static Path usableDataDirectory(String configured) {
        Path home = Path.of(configured).toAbsolutePath().normalize(); // Neo4j rejects paths like /a/./b
        try {
            Files.createDirectories(home);
        }
        catch (IOException | SecurityException e) {
            throw new DatabaseUnavailableException("The data directory " + home + " cannot be created: " + e,
                    "Set CMG_DATA_DIR (or cmg.embedded.data-dir) to a writable directory.", e);
        }
        if (!Files.isDirectory(home) || !Files.isWritable(home)) {
            throw new DatabaseUnavailableException("The data directory " + home + " is not a writable directory.",
                    "Set CMG_DATA_DIR (or cmg.embedded.data-dir) to a writable directory.", null);
        }
        return home;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
