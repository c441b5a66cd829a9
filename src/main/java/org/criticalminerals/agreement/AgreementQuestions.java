package org.criticalminerals.agreement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Frameworks binding a set of countries (Q3). */
@Service
public class AgreementQuestions {

    private final QueryLibrary library;

    AgreementQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> frameworksBinding(List<String> countries, LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("countries", countries);
        parameters.put("asOf", asOf);
        return library.run("frameworks-binding-countries", parameters);
    }
}
