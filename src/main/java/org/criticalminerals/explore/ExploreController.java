package org.criticalminerals.explore;

import java.util.List;

import org.criticalminerals.api.Records;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ExploreController {

    private final ExploreService explore;

    ExploreController(ExploreService explore) {
        this.explore = explore;
    }

    @QueryMapping
    List<SearchHit> search(@Argument String text, @Argument @Nullable List<String> types, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return Records.readAll(SearchHit.class, explore.search(text, types, first, after));
    }

    @QueryMapping
    List<EntityPath> connections(@Argument String from, @Argument String to, @Argument @Nullable Integer maxHops) {
        return Records.readAll(EntityPath.class, explore.connections(from, to, maxHops));
    }
}
