package org.criticalminerals.provenance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetcher;
import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.Entities;
import org.criticalminerals.api.NotFoundException;
import org.dataloader.DataLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.Arguments;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Sources, and the evidence fields every fact type shares ({@code claims}, {@code disputes}), plus the
 * typed figure lists of investments and offtakes. Claims of all facts in a response load in one batch.
 */
@Controller
class ProvenanceController {

    private static final String CLAIMS_LOADER = "claims";

    /** Every entity type but Source carries evidence. */
    private static final List<String> EVIDENCED_TYPES = Entities.TYPES.stream().filter(type -> !type.equals("Source")).toList();

    private final ProvenanceService provenance;

    ProvenanceController(ProvenanceService provenance, BatchLoaderRegistry registry) {
        this.provenance = provenance;
        registry.<String, List<Map<String, Object>>>forName(CLAIMS_LOADER)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> provenance.claims(ids)));
    }

    @QueryMapping
    Map<String, Object> source(@Argument String id) {
        return provenance.source(id).orElseThrow(() -> new NotFoundException("No source with id " + id));
    }

    @QueryMapping(name = "sources")
    Connection sourceList(@Argument ProvenanceService.SourceFilter filter, @Arguments PageRequest page) {
        return provenance.sources(filter, page);
    }

    @BatchMapping(typeName = "Claim")
    Map<Map<String, Object>, Map<String, Object>> source(List<Map<String, Object>> claims) {
        return provenance.sourceOf(claims);
    }

    @SchemaMapping(typeName = "Claim")
    List<Map<String, Object>> figures(Map<String, Object> claim) {
        return ProvenanceService.figures(claim);
    }

    /** claims, disputes and the typed figure lists, wired for every evidenced type. */
    @Bean
    static RuntimeWiringConfigurer evidenceFields() {
        return wiring -> {
            for (String type : EVIDENCED_TYPES) {
                wiring.type(type, builder -> builder
                        .dataFetcher("claims", env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER)))
                        .dataFetcher("disputes", env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER))
                                .thenApply(claims -> ProvenanceService.disputes(env.getSource(), claims)))
                        .dataFetcher("sourceKinds", sourceKinds()));
            }
            wiring.type("Investment", builder -> builder.dataFetcher("amounts",
                    env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER))
                            .thenApply(claims -> ProvenanceService.figures(env.getSource(), claims, "amount", Set.of("currency")))));
            wiring.type("Offtake", builder -> builder.dataFetcher("volumes",
                    env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER))
                            .thenApply(claims -> ProvenanceService.figures(env.getSource(), claims, "volume", Set.of("unit", "volumeQualifier"))
                                    .stream().map(ProvenanceController::volumeFigure).toList())));
        };
    }

    private static CompletableFuture<List<Map<String, Object>>> claimsOf(Map<String, Object> fact,
            DataLoader<String, List<Map<String, Object>>> loader) {
        return loader.load((String) fact.get("id")).thenApply(claims -> claims == null ? List.of() : claims);
    }

    private static DataFetcher<Object> sourceKinds() {
        return env -> {
            Map<String, Object> fact = env.getSource();
            return fact.get("sourceKinds") == null ? List.of() : fact.get("sourceKinds");
        };
    }

    private static Map<String, Object> volumeFigure(Map<String, Object> figure) {
        Map<String, Object> shaped = new java.util.LinkedHashMap<>(figure);
        shaped.put("qualifier", figure.get("volumeQualifier") != null ? figure.get("volumeQualifier") : figure.get("qualifier"));
        return shaped;
    }
}
