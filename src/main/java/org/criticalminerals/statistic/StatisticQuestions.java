package org.criticalminerals.statistic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Dependency over time (Q6). */
@Service
public class StatisticQuestions {

    private final QueryLibrary library;

    StatisticQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> dependencyOverTime(String country, String mineral) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("country", country);
        parameters.put("mineral", mineral);
        return library.run("dependency-over-time", parameters);
    }
}
