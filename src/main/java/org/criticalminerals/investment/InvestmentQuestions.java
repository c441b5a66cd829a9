package org.criticalminerals.investment;

import java.util.HashMap;
import java.util.Map;

import org.criticalminerals.api.QueryLibrary;
import org.springframework.stereotype.Service;

/** Money flows by investor or investor country (Q4). */
@Service
public class InvestmentQuestions {

    private final QueryLibrary library;

    InvestmentQuestions(QueryLibrary library) {
        this.library = library;
    }

    public Map<String, Object> moneyFlows(String investor, String investorCountry) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("investor", investor);
        parameters.put("investorCountry", investorCountry);
        return library.run("money-flows", parameters).get(0);
    }
}
