package org.criticalminerals.workbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.criticalminerals.api.ErrorCode;
import org.criticalminerals.limits.RequestBudget;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.Plan;
import org.neo4j.driver.summary.QueryType;
import org.neo4j.driver.summary.ResultSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One analyst's statement, run so that it cannot change anything: in a read transaction, where Neo4j
 * itself refuses every write (and write procedures), after Neo4j's own planner has classified it as
 * read-only (which also keeps out DBMS procedures) and its plan holds no {@code TERMINATE TRANSACTIONS}
 * (read-only to Neo4j, and let through by a read transaction). The statement is the caller's Cypher, run as given; its values
 * travel as parameters. The transaction's timeout and tag come from the request budget; at most
 * {@code rowLimit} rows are read, and the answer says when more were there.
 */
@Service
public class ReadOnlyCypher {

    /** Where analysts send statements: {@code POST /cypher}. */
    public static final String PATH = "/cypher";

    private static final Logger log = LoggerFactory.getLogger(ReadOnlyCypher.class);

    private static final String EXPLAIN = "EXPLAIN ";

    private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

    private final Driver driver;

    private final WorkbenchProperties properties;

    ReadOnlyCypher(Driver driver, WorkbenchProperties properties) {
        this.driver = driver;
        this.properties = properties;
    }

    /** The rows of one read-only statement, at most {@link #rowLimit()} of them. */
    public record Answer(List<String> columns, List<Map<String, @Nullable Object>> rows, boolean truncated, int rowLimit) {
    }

    /** The statement was refused or failed; {@code status} is the HTTP status that says why. */
    public static final class Refused extends RuntimeException {

        private final int status;

        private final ErrorCode code;

        Refused(int status, ErrorCode code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public ErrorCode code() {
            return code;
        }
    }

    public int rowLimit() {
        return properties.cypher().rowLimit();
    }

    public Answer run(@Nullable String statement, @Nullable Map<String, Object> parameters) {
        if (statement == null || statement.isBlank()) {
            throw new Refused(400, ErrorCode.BAD_REQUEST, "Send one Cypher statement: {\"statement\": \"MATCH … RETURN …\", \"parameters\": {…}}.");
        }
        Map<String, Object> values = parameters == null ? Map.of() : parameters;
        int limit = rowLimit();
        try (Session session = driver.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.executeRead(tx -> {
                // EXPLAIN plans without running: Neo4j's own verdict on what the statement would do
                ResultSummary plan = tx.run(EXPLAIN + statement, values).consume();
                if (plan.queryType() != QueryType.READ_ONLY) {
                    throw new Refused(403, ErrorCode.FORBIDDEN, "POST /cypher only reads; this statement would write or call a "
                            + "DBMS procedure (" + plan.queryType() + "). Use the GraphQL import to change the graph.");
                }
                if (plan.hasPlan() && terminates(plan.plan())) {
                    // a READ_ONLY statement to Neo4j, yet it ends other people's work
                    throw new Refused(403, ErrorCode.FORBIDDEN, "POST /cypher only reads; it does not terminate transactions.");
                }
                Result result = tx.run(statement, values);
                List<String> columns = result.keys();
                List<Map<String, @Nullable Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.hasNext()) {
                    if (rows.size() == limit) {
                        truncated = true;
                        break;
                    }
                    rows.add(row(result.next()));
                }
                return new Answer(columns, rows, truncated, limit);
            });
        }
        catch (Neo4jException e) {
            throw refusal(e);
        }
    }

    /**
     * Neo4j's message about the statement as the analyst wrote it: without the EXPLAIN this class put in
     * front, and with positions on the first line counted from the statement's own start.
     */
    static String asWritten(String message) {
        if (!message.contains("\"" + EXPLAIN)) {
            return message;
        }
        Matcher position = POSITION.matcher(message.replace("\"" + EXPLAIN, "\""));
        StringBuilder fixed = new StringBuilder();
        boolean firstLine = false;
        while (position.find()) {
            int line = Integer.parseInt(position.group(1));
            int column = Integer.parseInt(position.group(2));
            int offset = Integer.parseInt(position.group(3));
            firstLine = line == 1;
            position.appendReplacement(fixed, "(line " + line + ", column " + (firstLine ? column - EXPLAIN.length() : column)
                    + " (offset: " + (offset - EXPLAIN.length()) + "))");
        }
        position.appendTail(fixed);
        // the caret under the quoted line moves with the first line
        return firstLine ? fixed.toString().replaceAll("(?m)^ {" + EXPLAIN.length() + "}(\\s*\\^)$", "$1") : fixed.toString();
    }

    private static boolean terminates(Plan plan) {
        return plan.operatorType().startsWith("TerminateTransactions") || plan.children().stream().anyMatch(ReadOnlyCypher::terminates);
    }

    private static Map<String, @Nullable Object> row(Record record) {
        Map<String, @Nullable Object> row = new LinkedHashMap<>();
        for (String key : record.keys()) {
            row.put(key, CypherValues.toJson(record.get(key)));
        }
        return row;
    }

    /** Neo4j's answer in words for the analyst: their mistakes are 4xx with Neo4j's message, never a stack trace. */
    private static Refused refusal(Neo4jException e) {
        String code = e.code() == null ? "" : e.code();
        RequestBudget budget = RequestBudget.current();
        if (code.contains("TransactionTimedOut") || (budget != null && budget.stopped() == RequestBudget.Stop.TIMEOUT)) {
            return new Refused(400, ErrorCode.TIMEOUT, "The statement ran longer than the time limit and was stopped. "
                    + "Anchor it on an indexed property or add a LIMIT.");
        }
        if (budget != null && budget.stopped() != null) {
            return new Refused(503, ErrorCode.CANCELLED, budget.stoppedMessage());
        }
        if (code.equals("Neo.ClientError.Statement.AccessMode") || code.startsWith("Neo.ClientError.Security.")) {
            return new Refused(403, ErrorCode.FORBIDDEN, "POST /cypher only reads: " + e.getMessage());
        }
        if (code.startsWith("Neo.ClientError.")) {
            return new Refused(400, ErrorCode.BAD_REQUEST, asWritten(String.valueOf(e.getMessage())));
        }
        String incident = Long.toHexString(System.nanoTime());
        log.error("POST /cypher failed, incident {}", incident, e);
        return new Refused(503, ErrorCode.INTERNAL_ERROR, "The database could not answer (incident " + incident + "); try again later.");
    }
}
