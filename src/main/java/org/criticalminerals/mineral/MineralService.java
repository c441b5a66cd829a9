package org.criticalminerals.mineral;

import java.util.HashMap;
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
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("kind", filter == null ? null : filter.kind());
        parameters.put("group", filter == null ? null : filter.partOf());
        ListConditions more = ListConditions.with(parameters).name(filter == null ? null : filter.name())
                .in("kind", filter == null ? null : filter.kindIn());
        return reader.page(Mineral.class, more.and("""
                ($kind IS NULL OR n.kind = $kind)
                  AND ($group IS NULL OR EXISTS { (n)-[:PART_OF*1..3]->(:Mineral {id: $group}) })"""), more.parameters(), page);
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
