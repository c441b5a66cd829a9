package org.criticalminerals.api;


import org.criticalminerals.model.Node;
import org.springframework.graphql.data.method.annotation.Argument;
import org.criticalminerals.model.Node;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Controller;

@Controller
class NodeController {

    private final GraphReader reader;

    NodeController(GraphReader reader) {
        this.reader = reader;
    }

    @QueryMapping
    Node node(@Argument String id) {
        return reader.node(id).orElseThrow(() -> new NotFoundException("No entity with id " + id));
    }
}
