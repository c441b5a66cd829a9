package org.criticalminerals.investment;

import java.util.HashMap;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.criticalminerals.api.RankedPage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Money flows by investor or investor country (Q4). */
@Service
public class InvestmentQuestions {

    private final QueryLibrary library;

    InvestmentQuestions(QueryLibrary library) {
        this.library = library;
    }

    /** The totals and disputed investments of all the investor's investments, and the page of their flows. */
    public Map<String, Object> moneyFlows(@Nullable String investor, @Nullable String investorCountry, RankedPage flows) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("investor", investor);
        parameters.put("investorCountry", investorCountry);
        return flows.withCursorsOn(library.run("money-flows", flows.bind(parameters)).get(0), "flows");
    }
}
