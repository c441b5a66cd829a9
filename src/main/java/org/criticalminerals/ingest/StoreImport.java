package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;


import org.jspecify.annotations.Nullable;
import org.neo4j.batchimport.api.Configuration;
import org.neo4j.batchimport.api.InputIterable;
import org.neo4j.batchimport.api.InputIterator;
import org.neo4j.batchimport.api.Monitor;
import org.neo4j.batchimport.api.input.Collector;
import org.neo4j.batchimport.api.input.IdType;
import org.neo4j.batchimport.api.input.Input;
import org.neo4j.batchimport.api.input.InputChunk;
import org.neo4j.batchimport.api.input.InputEntityVisitor;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.internal.batchimport.DefaultAdditionalIds;
import org.neo4j.internal.batchimport.input.Groups;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.io.pagecache.context.CursorContextFactory;
import org.neo4j.io.pagecache.tracing.PageCacheTracer;
import org.neo4j.kernel.impl.index.schema.IndexImporterFactoryImpl;
import org.neo4j.kernel.impl.scheduler.JobSchedulerFactory;
import org.neo4j.kernel.impl.transaction.log.files.TransactionLogInitializer;
import org.neo4j.logging.internal.NullLogService;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.scheduler.JobScheduler;
import org.neo4j.storageengine.api.StorageEngineFactory;

/**
 * Writes a spool into a new store of the embedded layout with Neo4j's own batch importer (what
 * {@code neo4j-admin database import} runs): store files written directly, no transactions, no indexes but the
 * label and type lookups, which the database builds when it first starts ({@code cypher/migrations}). Offline:
 * nothing may run on the store. A failure leaves no store behind.
 */
final class StoreImport {

    /**
     * Neo4j's defaults but for the flushing of the page cache while a stage writes: on two cores it took CPU from the
     * writing threads and wrote pages more than once (a 1M load's node stage: 19.2 s and 21.3 s with it, 11.1 s and
     * 10.8 s without, in alternating runs); the pages are flushed when each stage ends.
     */
    private static final Configuration IMPORTER = new Configuration() {
        @Override
        public boolean sequentialBackgroundFlushing() {
            return false;
        }
    };

    /** Entities handed to one of the importer's threads at a time. */
    private static final int CHUNK = 1_000;

    private final DatabaseLayout layout;

    private final Config config;

    /** @param home the embedded database's data directory ({@code cmg.embedded.data-dir}) */
    StoreImport(Path home) {
        this.config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, home.toAbsolutePath().normalize()).build();
        this.layout = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Whether the data directory already holds the default database's store (then only an online import may add to it). */
    boolean storeExists() {
        return Files.exists(layout.databaseDirectory()) || Files.exists(layout.getTransactionLogsDirectory());
    }

    Path databaseDirectory() {
        return layout.databaseDirectory();
    }

    /** @param progress where Neo4j's importer reports its stages */
    void write(StoreSpool spool, PrintStream progress) {
        if (storeExists()) {
            throw new IllegalStateException("the data directory already holds a store: " + layout.databaseDirectory());
        }
        List<Path> created = Stream.of(layout.databaseDirectory(), layout.getTransactionLogsDirectory()).map(StoreImport::firstMissing).distinct()
                .toList();
        // the node ids are the store's own (ACTUAL): the importer looks no relationship's ends up by name
        Input input = Input.input(() -> new SpoolIterator(spool, true), () -> new SpoolIterator(spool, false), IdType.ACTUAL,
                Input.knownEstimates(spool.nodes(), spool.relationships(), spool.nodes() * 16, spool.relationships(), spool.nodes() * 16 * 24,
                        spool.relationships() * 8, spool.nodes() * 2), new Groups());
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction(); JobScheduler scheduler = JobSchedulerFactory.createInitialisedScheduler()) {
            StorageEngineFactory.selectStorageEngine(config).batchImporter(layout, fs, PageCacheTracer.NULL, IMPORTER,
                    NullLogService.getInstance(), progress, false, DefaultAdditionalIds.EMPTY, config, Monitor.NO_MONITOR, scheduler, Collector.STRICT,
                    TransactionLogInitializer.getLogFilesInitializer(), new IndexImporterFactoryImpl(), EmptyMemoryTracker.INSTANCE,
                    CursorContextFactory.NULL_CONTEXT_FACTORY).doImport(input);
        }
        catch (Exception e) {
            remove(created);
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException("the store could not be written: " + e.getMessage(), e);
        }
    }

    /** The outermost directory on the way to this one that does not exist yet: what writing it creates. */
    private static Path firstMissing(Path directory) {
        Path missing = directory.toAbsolutePath().normalize();
        while (missing.getParent() != null && !Files.exists(missing.getParent())) {
            missing = missing.getParent();
        }
        return missing;
    }

    /** Deletes what a failed write left: the store, its transaction log and the directories made for them. */
    private static void remove(List<Path> created) {
        for (Path directory : created) {
            if (!Files.exists(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not remove the partly written store " + directory, e);
            }
        }
    }

    /**
     * The importer's threads take chunks of the spool in turn: reading a chunk's frames is one at a time, decoding
     * them is in the importer's threads, in parallel.
     */
    private static final class SpoolIterator implements InputIterator {

        private final StoreSpool.Reader reader;

        SpoolIterator(StoreSpool spool, boolean nodes) {
            try {
                this.reader = nodes ? spool.readNodes() : spool.readRelationships();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputChunk newChunk() {
            return new Chunk(reader.nodes(), reader.names());
        }

        @Override
        public synchronized boolean next(InputChunk chunk) throws IOException {
            Chunk into = (Chunk) chunk;
            into.next = 0;
            return reader.next(into.frames, CHUNK);
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }

    /** A chunk's frames, each decoded straight into the importer's visitor. */
    private static final class Chunk implements InputChunk, StoreSpool.Visitor {

        private final StoreSpool.Frames frames = new StoreSpool.Frames();

        private final boolean nodes;

        private final String[] names;

        private int next;

        private @Nullable InputEntityVisitor visitor;

        Chunk(boolean nodes, String[] names) {
            this.nodes = nodes;
            this.names = names;
        }

        @Override
        public boolean next(InputEntityVisitor visitor) throws IOException {
            if (next == frames.count()) {
                return false;
            }
            this.visitor = visitor;
            StoreSpool.decode(frames, next++, nodes, names, this);
            visitor.endOfEntity();
            return true;
        }

        @Override
        public void node(long id, String[] labels) {
            visitor().id(id);
            visitor().labels(labels);
        }

        @Override
        public void relationship(String type, long start, long end) {
            visitor().type(type);
            visitor().startId(start);
            visitor().endId(end);
        }

        @Override
        public void property(String key, Object value) {
            visitor().property(key, value);
        }

        private InputEntityVisitor visitor() {
            return Objects.requireNonNull(visitor);
        }

        @Override
        public void close() {
        }
    }
}
