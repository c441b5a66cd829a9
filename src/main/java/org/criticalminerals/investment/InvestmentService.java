package org.criticalminerals.investment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.FloatRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.Investment;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.criticalminerals.model.Organization;
import org.criticalminerals.model.Investor;
import org.criticalminerals.model.InvestmentTarget;
import org.springframework.stereotype.Service;

/** Equity investments, loans, grants and guarantees. */
@Service
public class InvestmentService {

    private final GraphReader reader;

    InvestmentService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<Investment> investment(String id) {
        return reader.byId(Investment.class, id);
    }

    public Connection<Investment> investments(InvestmentFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("investor", filter.investor(), "(:Entity {id: $investor})-[:INVESTED]->(n)")
                    .when("investorCountry", filter.investorCountry(), """
                            (EXISTS { (:Country {id: $investorCountry})-[:INVESTED]->(n) }
                             OR EXISTS { (:Country {id: $investorCountry})<-[:BASED_IN]-(:Organization)-[:INVESTED]->(n) })""")
                    .linked("target", filter.target(), "(n)-[:IN]->(:Entity {id: $target})")
                    .linked("mineral", filter.mineral(), "(n)-[:CONCERNS]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).range("amount", filter.amount()).range("stake", filter.stake()).dates("date", filter.date());
        }
        return reader.page(Investment.class, more, page);
    }

    <K extends Node> Map<K, List<Investor>> investors(List<K> investments) {
        return reader.related(investments, "(parent)<-[:INVESTED]-(n:Entity)", Investor.class);
    }

    <K extends Node> Map<K, InvestmentTarget> target(List<K> investments) {
        return reader.relatedOne(investments, "(parent)-[r:IN]->(n:Entity)", InvestmentTarget.class);
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> investments) {
        return reader.related(investments, "(parent)-[:CONCERNS]->(n:Mineral)", Mineral.class);
    }

    /** Filter of the investments list. */
    public record InvestmentFilter(String investor, String investorCountry, String target, String mineral, NameMatch name,
            FloatRange amount, FloatRange stake, DateRange date) {
    }
}
