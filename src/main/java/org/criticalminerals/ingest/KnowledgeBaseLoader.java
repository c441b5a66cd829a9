package org.criticalminerals.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.criticalminerals.database.GraphProperties;
import org.criticalminerals.database.StartupStep;
import org.criticalminerals.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the curated knowledge base ({@code knowledge-base/**}{@code /*.yaml}) at start-up as one batch. It is
 * idempotent: unchanged content is skipped, changed content replaces what its records asserted before.
 * An invalid knowledge base stops the start-up with the list of problems. A load a dead process left unfinished
 * holds the batch until its run is recovered (once its heartbeat is {@link KnowledgeImporter#STALE_RUN} old): the start-up waits.
 */
@Component
@Order(0) // the last start-up step: before anything reads the knowledge base
class KnowledgeBaseLoader implements StartupStep {

    static final String BATCH = "knowledge-base";

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseLoader.class);

    private final KnowledgeImporter importer;

    private final GraphProperties properties;

    KnowledgeBaseLoader(KnowledgeImporter importer, GraphProperties properties) {
        this.importer = importer;
        this.properties = properties;
    }

    @Override
    public void run() {
        if (properties.knowledgeBase().loadOnStartup()) {
            List<KnowledgeFile> files = files(properties.knowledgeBase().location());
            log.info("Loading the knowledge base ({} files); the API answers 503 until it is loaded", files.size());
            try {
                importer.importFiles(BATCH, files, true, Caller.SYSTEM, new LoggedProgress("Loading the knowledge base", log::info, System::nanoTime));
            }
            catch (ImportConflictException e) {
                throw new StartupStep.RetryLater("another process is importing the knowledge-base batch; if that process stopped, its run "
                        + "is undone once its heartbeat is " + KnowledgeImporter.STALE_RUN.toMinutes() + " minutes old");
            }
        }
    }

    static List<KnowledgeFile> files(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(base + "**/*.yaml");
            List<KnowledgeFile> files = new ArrayList<>();
            for (Resource resource : Arrays.stream(resources).sorted(Comparator.comparing(KnowledgeBaseLoader::relativeName)).toList()) {
                files.add(new KnowledgeFile(relativeName(resource), resource.getContentAsString(StandardCharsets.UTF_8)));
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("No knowledge-base files (*.yaml) found at " + location);
            }
            return files;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relativeName(Resource resource) {
        try {
            String uri = resource.getURI().toString();
            int at = uri.lastIndexOf("knowledge-base/");
            return at < 0 ? resource.getFilename() : uri.substring(at);
        }
        catch (IOException e) {
            return resource.getFilename();
        }
    }
}
