// Question 10 — Disagreements.
// Purpose:    Every fact whose sources give different figures for a field, with the kind of the disagreement
//             (CONTRADICTION first, then the compatible kinds: DIFFERENT_CURRENCIES, DIFFERENT_UNITS,
//             NESTED_PERIODS, COMPATIBLE_BOUNDS, ROUNDING) and each figure with its source, line and quote.
// Parameters: $skip, $limit  the page: rows to pass over, rows to return (GraphQL: first/after), e.g. 0 and 1000
// Example:    GraphQL: disagreements { kind fact { id } field claims { source { id } line quote figures { field value } } }
MATCH (n:Entity) WHERE n.disputed IS NOT NULL
UNWIND range(0, size(n.disputed) - 1) AS i
WITH n, n.disputed[i] AS field, n.disputeKinds[i] AS kind
MATCH (n)-[:CLAIMED_BY]->(c:Claim)
WHERE field IN c.fields OR c.references CONTAINS ('"' + field + '":')
WITH n, field, kind, c ORDER BY c.source, c.line, c.id
RETURN n {.*, labels: labels(n)} AS fact, field, kind, collect(c {.*}) AS claims,
       collect(c.source + ':' + coalesce(toString(c.line), '-') + ' = '
               + coalesce(toString(c[field]), '(reference)') + coalesce(' ' + c[field + 'Precision'], '')
               // a figure's qualifier and approximation, so that 98 and "98 or more" read apart
               + CASE WHEN c[field] IS :: INTEGER | FLOAT
                      THEN coalesce(' ' + coalesce(c[field + 'Qualifier'], c.qualifier), '') + CASE WHEN c.approximate THEN ' approx.' ELSE '' END
                      ELSE '' END) AS figures
ORDER BY CASE kind WHEN 'CONTRADICTION' THEN 0 ELSE 1 END, fact.id, field
SKIP $skip
LIMIT $limit;
