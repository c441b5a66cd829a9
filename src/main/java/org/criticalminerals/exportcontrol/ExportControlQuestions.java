package org.criticalminerals.exportcontrol;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Export-control exposure (Q2). */
@Service
public class ExportControlQuestions {

    private final QueryLibrary library;

    ExportControlQuestions(QueryLibrary library) {
        this.library = library;
    }

    public Map<String, Object> exposure(String imposer, String designator, LocalDate from, LocalDate to) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("imposer", imposer);
        parameters.put("designator", designator);
        parameters.put("from", from);
        parameters.put("to", to);
        return library.run("export-control-exposure", parameters).get(0);
    }
}
