package org.criticalminerals.api;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class NodeController {

    private final GraphReader reader;

    NodeController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Map<String, Object> node(@Argument String id) {
        return reader.byId("Entity", id).orElseThrow(() -> new NotFoundException("No entity with id " + id));
    }
}
