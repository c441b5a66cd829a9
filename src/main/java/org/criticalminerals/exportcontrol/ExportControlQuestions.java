package org.criticalminerals.exportcontrol;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.NotFoundException;
import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.api.RankedPage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Export-control exposure (Q2). */
@Service
public class ExportControlQuestions {

    private final QueryLibrary library;

    ExportControlQuestions(QueryLibrary library) {
        this.library = library;
    }

    /** The restrictions in the period and the page of the designator's exposures to them. */
    public Map<String, Object> exposure(String imposer, String designator, @Nullable LocalDate from, @Nullable LocalDate to, RankedPage exposures) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("imposer", imposer);
        parameters.put("designator", designator);
        parameters.put("from", from);
        parameters.put("to", to);
        List<Map<String, Object>> rows = library.run("export-control-exposure", exposures.bind(parameters));
        if (rows.isEmpty()) { // the statement starts from the imposer: a country code the graph does not hold
            throw new NotFoundException("No country " + imposer + " in the graph (imposer)");
        }
        return exposures.withCursorsOn(rows.get(0), "exposures");
    }
}
