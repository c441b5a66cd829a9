package org.criticalminerals.explore;

import java.util.List;
import java.util.Map;

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
    List<Map<String, Object>> search(@Argument String text, @Argument List<String> types, @Argument Integer first, @Argument String after) {
        return explore.search(text, types, first, after);
    }

    @QueryMapping
    List<Map<String, Object>> connections(@Argument String from, @Argument String to, @Argument Integer maxHops) {
        return explore.connections(from, to, maxHops);
    }
}
