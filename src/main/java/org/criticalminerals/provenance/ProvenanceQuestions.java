package org.criticalminerals.provenance;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.api.RankedPage;
import org.springframework.stereotype.Service;

/** Every disagreement between sources (Q10). */
@Service
public class ProvenanceQuestions {

    private final QueryLibrary library;

    ProvenanceQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> disagreements(RankedPage page) {
        return page.withCursors(library.run("disagreements", page.bind(Map.of())));
    }
}
