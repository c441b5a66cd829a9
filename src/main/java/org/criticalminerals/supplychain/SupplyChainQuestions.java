package org.criticalminerals.supplychain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.api.RankedPage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The supply-route questions: which routes avoid a country (Q1), and how concentrated routes are (Q5). */
@Service
public class SupplyChainQuestions {

    private final QueryLibrary library;

    SupplyChainQuestions(QueryLibrary library) {
        this.library = library;
    }

    public List<Map<String, Object>> routeCheck(String buyerCountry, List<String> avoid, String mineral, LocalDate asOf, RankedPage page) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("buyerCountry", buyerCountry);
        parameters.put("avoid", avoid);
        parameters.put("mineral", mineral);
        parameters.put("asOf", asOf);
        return page.withCursors(library.run("routes-avoiding-countries", page.bind(parameters)));
    }

    public Map<String, Object> supplyConcentration(String mineral, String buyerCountry, @Nullable LocalDate asOf) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("mineral", mineral);
        parameters.put("buyerCountry", buyerCountry);
        parameters.put("asOf", asOf);
        List<Map<String, Object>> rows = library.run("supply-concentration", parameters);
        return rows.isEmpty() ? Map.of("routes", List.of(), "stages", List.of()) : rows.get(0);
    }
}
