package org.criticalminerals.mineral;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Service;

/** Minerals, elements and groups, and the group structure between them. */
@Service
public class MineralService {

    /**
     * A Cypher predicate for every list's mineral filter: {@code m} is {@code $mineral}, a member of that group
     * (up to three levels down) or a group that contains it. Filtering on rare earths finds what is stated for
     * neodymium, and filtering on neodymium finds what is stated for rare earths (an export control on all rare
     * earths restricts neodymium).
     */
    public static final String MINERAL_MATCHES = """
            m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) }
                   OR EXISTS { (m)<-[:PART_OF*1..3]-(:Mineral {id: $mineral}) }""";

    private final GraphReader reader;

    MineralService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Mineral> mineral(String id) {
        return reader.byId(Mineral.class, id);
    }

    public Connection<Mineral> minerals(MineralFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.when("kind", filter.kind(), "n.kind = $kind")
                    .linked("group", filter.partOf(), "(n)-[:PART_OF*1..3]->(:Mineral {id: $group})")
                    .name(filter.name()).in("kind", filter.kindIn());
        }
        return reader.page(Mineral.class, more, page);
    }

    <K extends Node> Map<K, List<Mineral>> partOf(List<K> minerals) {
        return reader.related(minerals, "(parent)-[:PART_OF]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, List<Mineral>> members(List<K> minerals) {
        return reader.related(minerals, "(parent)<-[:PART_OF]-(n:Mineral)", Mineral.class);
    }

    /** Filter of the minerals list. */
    public record MineralFilter(String kind, String partOf, NameMatch name, List<String> kindIn) {
    }
}
