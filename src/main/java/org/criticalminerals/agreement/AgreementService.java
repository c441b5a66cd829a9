package org.criticalminerals.agreement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.NestedPage;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Agreement;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.api.Records;
import org.springframework.stereotype.Service;

/** Agreements, frameworks and memoranda, and who is party to them. */
@Service
public class AgreementService {

    private final GraphReader reader;

    AgreementService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Agreement> agreement(String id) {
        return reader.byId(Agreement.class, id);
    }

    public Connection<Agreement> agreements(AgreementFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("party", filter.party(), "(n)-[:PARTY]->(:Entity {id: $party})")
                    .when("kind", filter.kind(), "n.kind = $kind")
                    .linked("mineral", filter.mineral(), "(n)-[:ADDRESSES]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).in("kind", filter.kindIn()).dates("date", filter.date());
        }
        return reader.page(Agreement.class, more, page);
    }

    /** Pages of the parties of agreements, by party id, one statement for all agreements asking for the same page. */
    Map<NestedPage, List<AgreementParty>> parties(Set<NestedPage> pages) {
        return reader.relatedPages(pages, "(parent)-[p:PARTY]->(n:Entity)", """
                {party: %s, since: p.since, sincePrecision: p.sincePrecision, until: p.until, untilPrecision: p.untilPrecision,
                 role: coalesce(p.role, 'PARTY')}""".formatted(GraphReader.ENTITY), party -> Records.read(AgreementParty.class, party));
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> agreements) {
        return reader.related(agreements, "(parent)-[:ADDRESSES]->(n:Mineral)", Mineral.class);
    }

    <K extends Node> Map<K, Agreement> successor(List<K> agreements) {
        return reader.relatedOne(agreements, "(parent)-[r:SUCCEEDED_BY]->(n:Agreement)", Agreement.class);
    }

    /** Filter of the agreements list. */
    public record AgreementFilter(String party, String kind, String mineral, NameMatch name, List<String> kindIn, DateRange date) {
    }
}
