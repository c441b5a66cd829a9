package org.criticalminerals.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Targets against what is secured (Q7). */
@Service
public class PolicyQuestions {

    private final QueryLibrary library;

    PolicyQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> targetsVersusSecured(String country) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("country", country);
        return library.run("targets-versus-secured", parameters);
    }
}
