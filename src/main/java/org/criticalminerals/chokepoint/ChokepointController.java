package org.criticalminerals.chokepoint;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class ChokepointController {

    private final ChokepointAnalysis analysis;

    ChokepointController(ChokepointAnalysis analysis) {
        this.analysis = analysis;
    }

    @QueryMapping
    Chokepoints chokepoints(@Argument @Nullable String mineral) {
        return analysis.chokepoints(mineral);
    }
}
