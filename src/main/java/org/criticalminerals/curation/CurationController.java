package org.criticalminerals.curation;

import java.util.Map;

import org.criticalminerals.model.RecordSchema;
import org.criticalminerals.security.Caller;
import org.criticalminerals.api.TypedDataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The curation mutations: {@code create<Type>} and {@code update<Type>} for every record type (wired from the
 * record schema, as {@code graphql/curation.graphqls} is rendered from it), {@code retireFact} and
 * {@code removeBatch}. Every mutation already needs a partner or curator key at the HTTP level.
 */
@Controller
class CurationController {

    private final CurationService curation;

    CurationController(CurationService curation) {
        this.curation = curation;
    }

    @MutationMapping
    @PreAuthorize("hasRole('CURATOR')")
    CurationService.Result retireFact(@Argument Map<String, Object> input) {
        return curation.retire(input, Caller.current().orElseThrow());
    }

    @MutationMapping
    @PreAuthorize("hasRole('PARTNER')")
    CurationService.Removal removeBatch(@Argument Map<String, Object> input) {
        return curation.removeBatch((String) input.get("batch"), Caller.current().orElseThrow());
    }

    @Bean
    static RuntimeWiringConfigurer curationMutations(CurationService curation) {
        return wiring -> wiring.type("Mutation", builder -> {
            for (String type : RecordSchema.typeNames()) {
                builder.dataFetcher("create" + type, TypedDataFetcher.of("create" + type, CurationService.Result.class,
                        env -> curation.create(type, env.getArgument("input"), Caller.current().orElseThrow())));
                builder.dataFetcher("update" + type, TypedDataFetcher.of("update" + type, CurationService.Result.class,
                        env -> curation.update(type, env.getArgument("input"), Caller.current().orElseThrow())));
            }
            return builder;
        });
    }
}
