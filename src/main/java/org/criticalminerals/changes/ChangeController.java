package org.criticalminerals.changes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.GraphReader;
import org.jspecify.annotations.Nullable;
import org.criticalminerals.model.Node;
import org.springframework.graphql.data.method.annotation.Argument;
import org.criticalminerals.model.Node;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.criticalminerals.model.Node;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Controller;

@Controller
class ChangeController {

    private final ChangeFeed feed;

    private final GraphReader reader;

    ChangeController(ChangeFeed feed, GraphReader reader) {
        this.feed = feed;
        this.reader = reader;
    }

    @QueryMapping
    ChangeConnection changes(@Argument OffsetDateTime since, @Argument @Nullable Integer first, @Argument @Nullable String after) {
        return feed.changes(since, first, after);
    }

    /** The facts as they are now (none for a removed one), in one statement for the page. */
    @BatchMapping(typeName = "Change")
    Map<Change, Node> fact(List<Change> changes) {
        return reader.byIds(changes, Change::id);
    }
}
