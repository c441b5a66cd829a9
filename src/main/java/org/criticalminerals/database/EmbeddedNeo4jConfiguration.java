package org.criticalminerals.database;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import inet.ipaddr.IPAddressString;
import org.criticalminerals.workbench.Neo4jPlugins;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.graphdb.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Embedded mode: a real Neo4j 5 in this process, its store under {@code cmg.embedded.data-dir}, Bolt on
 * localhost so that analysts can connect with any Bolt client. The application itself talks to it over
 * Bolt too, exactly as it would to a server, so both modes run the same code path.
 * <p>
 * Bolt is locked down: authentication on (user {@code neo4j}, {@link BoltPassword}), bound to localhost
 * unless configured, {@code LOAD CSV} from files and URLs off unless configured, and only Neo4j's own
 * procedures ({@code db.*}, {@code dbms.*}, {@code tx.*}), APOC core and GDS ({@link Neo4jPlugins}) loaded;
 * APOC reads and writes no file (its defaults), and its URL loads meet the same address block as
 * {@code LOAD CSV}. In the community edition every
 * authenticated Bolt user may read, write and change the schema; the README says so.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cmg.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    static final String BEAN_NAME = "embeddedNeo4j";

    static final String USER = "neo4j";

    /** Blocks every address for LOAD CSV FROM 'http://…' and the like. */
    private static final List<IPAddressString> EVERY_ADDRESS = List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0"));

    @Bean
    BoltPassword boltPassword(GraphProperties properties) {
        return BoltPassword.resolve(properties.embedded().password(), usableDataDirectory(properties.embedded().dataDir()));
    }

    /**
     * The embedded DBMS, restartable in place ({@link EmbeddedDatabase}). Its stop is bounded by
     * {@code cmg.embedded.stop-timeout}: on a full data disk Neo4j would otherwise retry its last flush for ever.
     */
    @Bean(name = BEAN_NAME, destroyMethod = "close")
    EmbeddedDatabase embeddedNeo4j(GraphProperties properties, BoltPassword password,
            @Value("${cmg.embedded.stop-timeout:30s}") Duration stopTimeout) {
        Path home = usableDataDirectory(properties.embedded().dataDir());
        return new EmbeddedDatabase(home, afterPanic -> start(properties.embedded(), home, password, afterPanic), stopTimeout);
    }

    private static DatabaseManagementService start(GraphProperties.Embedded embedded, Path home, BoltPassword password, boolean afterPanic) {
        PageCacheSize pageCache = pageCache(embedded.pageCache(), home);
        long started = System.nanoTime();
        DatabaseManagementService service;
        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(embedded.boltAddress(), embedded.boltPort()))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.plugin_dir, Neo4jPlugins.install(home.resolve("plugins")))
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, Neo4jPlugins.PROCEDURE_ALLOWLIST)
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, Neo4jPlugins.UNRESTRICTED)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, embedded.loadCsvFiles())
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, home.resolve("import"))
                    .setConfig(GraphDatabaseSettings.transaction_timeout, embedded.transactionTimeout())
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache.bytes())
                    // otherwise a fresh store preallocates 2 x 256 MB of transaction logs
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Bolt's graceful netty shutdown otherwise waits ~10 s on Ctrl-C
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
            if (!embedded.loadCsvUrls()) {
                builder.setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, EVERY_ADDRESS);
            }
            if (afterPanic) {
                // the log was cut where it ended at the panic (TransactionLogCut); should that record be missing, its tail is the
                // append that failed, nothing committed after it, and recovery may cut off what does not read as entries
                builder.setConfig(GraphDatabaseInternalSettings.fail_on_corrupted_log_files, false);
            }
            service = builder.build();
        }
        catch (RuntimeException e) {
            throw new DatabaseUnavailableException(
                    "The embedded Neo4j could not start on data directory " + home + " with Bolt on " + embedded.boltAddress() + ":"
                            + embedded.boltPort() + ": " + rootMessage(e),
                    "If another process (a second instance of this service?) uses the data directory or the port, stop it, "
                            + "or set CMG_DATA_DIR / CMG_BOLT_PORT to other values.",
                    e);
        }
        setPassword(service, password);
        log.info("Embedded Neo4j started in {} ms (with APOC and GDS): store {}, Bolt on bolt://{}:{} (user {}, password from {})",
                (System.nanoTime() - started) / 1_000_000, home, embedded.boltAddress(), embedded.boltPort(), USER, password.origin());
        return service;
    }

    /** The store's size on disk, at {@code /actuator/prometheus}. */
    @Bean
    StoreSize storeSize(GraphProperties properties) {
        return new StoreSize(usableDataDirectory(properties.embedded().dataDir()), System::nanoTime);
    }

    /** Sized from the store as it is now (or {@code CMG_PAGE_CACHE}), and logged: an operator sees what the memory goes to. */
    private static PageCacheSize pageCache(String configured, Path home) {
        long physical = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0; // the container's limit where there is one
        long heap = Runtime.getRuntime().maxMemory();
        PageCacheSize size;
        try {
            size = PageCacheSize.choose(configured, StoreSize.bytesUnder(StoreSize.databases(home)), physical, heap);
        }
        catch (IllegalArgumentException e) {
            throw new DatabaseUnavailableException(e.getMessage(), "Write CMG_PAGE_CACHE as a size such as 512m or 2g, or unset it to size "
                    + "the page cache from the store.", e);
        }
        log.info("Page cache {} ({}); heap at most {}, memory {}", PageCacheSize.human(size.bytes()), size.reason(), PageCacheSize.human(heap),
                physical > 0 ? PageCacheSize.human(physical) : "unknown");
        return size;
    }

    /** The application's own driver connects to the embedded Bolt port as user neo4j. */
    @Bean
    Neo4jConnectionDetails embeddedConnectionDetails(GraphProperties properties, BoltPassword password) {
        String host = properties.embedded().boltAddress().equals("0.0.0.0") ? "localhost" : properties.embedded().boltAddress();
        URI uri = URI.create("bolt://" + host + ":" + properties.embedded().boltPort());
        AuthToken token = AuthTokens.basic(USER, password.value());
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return token;
            }
        };
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

    /** Sets the neo4j user's password (a fresh store has Neo4j's default, which must be changed). */
    private static void setPassword(DatabaseManagementService service, BoltPassword password) {
        try {
            service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password.value()));
        }
        catch (QueryExecutionException e) {
            if (!String.valueOf(e.getMessage()).contains("same")) { // "Old password and new password cannot be the same."
                throw new DatabaseUnavailableException("The Bolt password could not be set: " + e.getMessage(),
                        "Check NEO4J_PASSWORD (at least 8 characters).", e);
            }
        }
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
