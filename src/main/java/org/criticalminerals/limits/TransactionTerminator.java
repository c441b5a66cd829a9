package org.criticalminerals.limits;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Terminates the database transactions of a stopped request: they carry the request's id in their
 * metadata ({@code SHOW TRANSACTIONS} lists it). On a cluster this reaches the member the session lands
 * on; elsewhere each transaction's own timeout ends it.
 */
final class TransactionTerminator {

    private static final Logger log = LoggerFactory.getLogger(TransactionTerminator.class);

    private final Driver driver;

    TransactionTerminator(Driver driver) {
        this.driver = driver;
    }

    int terminate(RequestBudget budget) {
        try (Session session = driver.session()) {
            List<String> ids = session.run("""
                    SHOW TRANSACTIONS YIELD transactionId, metaData
                    WHERE metaData.request = $request
                    RETURN transactionId""", Map.of("request", budget.id())).list(r -> r.get("transactionId").asString());
            if (!ids.isEmpty()) {
                session.run("TERMINATE TRANSACTIONS $ids", Map.of("ids", ids)).consume();
                log.info("Stopped request {} ({}): terminated {} database transaction(s)", budget.id(), budget.stopped(), ids.size());
            }
            return ids.size();
        }
        catch (RuntimeException e) {
            log.warn("Could not terminate the transactions of request {}: {}", budget.id(), e.getMessage());
            return 0;
        }
    }
}
