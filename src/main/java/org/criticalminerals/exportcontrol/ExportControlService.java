package org.criticalminerals.exportcontrol;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.criticalminerals.api.Connection;
import org.criticalminerals.api.GraphReader;
import org.criticalminerals.api.ListConditions;
import org.criticalminerals.api.ListConditions.DateRange;
import org.criticalminerals.api.ListConditions.NameMatch;
import org.criticalminerals.api.PageRequest;
import org.criticalminerals.mineral.MineralService;
import org.criticalminerals.model.Country;
import org.criticalminerals.model.ExportControl;
import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.springframework.stereotype.Service;

/** Export controls and resource-nationalism measures. */
@Service
public class ExportControlService {

    private final GraphReader reader;

    ExportControlService(GraphReader reader) {
        this.reader = reader;
    }

    public Optional<ExportControl> exportControl(String id) {
        return reader.byId(ExportControl.class, id);
    }

    public Connection<ExportControl> exportControls(ExportControlFilter filter, PageRequest page) {
        ListConditions more = ListConditions.with(Map.of());
        if (filter != null) {
            more.linked("imposer", filter.imposer(), "(n)-[:IMPOSED_BY]->(:Country {id: $imposer})")
                    .when("measure", filter.measure(), "n.measure = $measure")
                    .when("since", filter.since(), "coalesce(n.effective, n.announced) >= $since")
                    .when("inForceOn", filter.inForceOn(),
                            "coalesce(n.effective, n.announced) <= $inForceOn AND (n.lifted IS NULL OR n.lifted > $inForceOn)")
                    .linked("mineral", filter.mineral(), "(n)-[:RESTRICTS]->(m:Mineral)", MineralService.MINERAL_MATCHES)
                    .name(filter.name()).in("measure", filter.measureIn())
                    .dates("announced", filter.announced()).dates("effective", filter.effective())
                    .linked("imposerIn", filter.imposerIn(), "(n)-[:IMPOSED_BY]->(c:Country)", "c.id IN $imposerIn");
        }
        return reader.page(ExportControl.class, more, page);
    }

    <K extends Node> Map<K, Country> imposer(List<K> controls) {
        return reader.relatedOne(controls, "(parent)-[r:IMPOSED_BY]->(n:Country)", Country.class);
    }

    <K extends Node> Map<K, List<Mineral>> minerals(List<K> controls) {
        return reader.related(controls, "(parent)-[:RESTRICTS]->(n:Mineral)", Mineral.class);
    }

    /** Filter of the export-controls list. */
    public record ExportControlFilter(String imposer, String mineral, String measure, LocalDate since, LocalDate inForceOn,
            NameMatch name, List<String> imposerIn, List<String> measureIn, DateRange announced, DateRange effective) {
    }
}
