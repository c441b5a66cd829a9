package org.criticalminerals.provenance;

import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Every disagreement between sources (Q10). */
@Service
public class ProvenanceQuestions {

    private final QueryLibrary library;

    ProvenanceQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> disagreements() {
        return library.run("disagreements", Map.of());
    }
}
