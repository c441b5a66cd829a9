package org.criticalminerals.provenance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.api.Entities;
import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.api.TypedDataFetcher;
import org.criticalminerals.model.Evidenced;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.criticalminerals.model.Source;
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
        registry.<String, List<Claim>>forName(CLAIMS_LOADER)
                .registerMappedBatchLoader((ids, env) -> Mono.fromSupplier(() -> provenance.claims(ids)));
    }

    @QueryMapping
    Source source(@Argument String id) {
        return provenance.source(id).orElseThrow(() -> new NotFoundException("No source with id " + id));
    }

    @QueryMapping(name = "sources")
    Connection<Source> sourceList(@Argument ProvenanceService.@Nullable SourceFilter filter, @Arguments PageRequest page) {
        return provenance.sources(filter, page);
    }

    @BatchMapping(typeName = "Claim")
    Map<Claim, Source> source(List<Claim> claims) {
        return provenance.sourceOf(claims);
    }

    @SchemaMapping(typeName = "Claim")
    List<Figure> figures(Claim claim) {
        return ProvenanceService.figures(claim);
    }

    /** claims, disputes and the typed figure lists, wired for every evidenced type. */
    @Bean
    static RuntimeWiringConfigurer evidenceFields() {
        return wiring -> {
            for (String type : EVIDENCED_TYPES) {
                wiring.type(type, builder -> builder
                        .dataFetcher("claims", TypedDataFetcher.listOf("claims of a fact", Claim.class,
                                env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER))))
                        .dataFetcher("disputes", TypedDataFetcher.listOf("disputes of a fact", Dispute.class,
                                env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER))
                                        .thenApply(claims -> ProvenanceService.disputes(env.getSource(), claims)))));
            }
            wiring.type("Investment", builder -> builder.dataFetcher("amounts", TypedDataFetcher.listOf("amounts of an investment",
                    MonetaryFigure.class, env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER)).thenApply(ProvenanceService::amounts))));
            wiring.type("Offtake", builder -> builder.dataFetcher("volumes", TypedDataFetcher.listOf("volumes of an offtake",
                    VolumeFigure.class, env -> claimsOf(env.getSource(), env.getDataLoader(CLAIMS_LOADER)).thenApply(ProvenanceService::volumes))));
        };
    }

    private static CompletableFuture<List<Claim>> claimsOf(Evidenced fact, @Nullable DataLoader<String, List<Claim>> loader) {
        return java.util.Objects.requireNonNull(loader).load(fact.id()).thenApply(claims -> claims == null ? List.of() : claims);
    }
}
