// Question 10 — Disagreements.
// Purpose:    Every fact whose sources give different figures for a field, with each figure and its source,
//             line and quote, side by side.
// Parameters: none
// Example:    GraphQL: disagreements { fact { id } field claims { source { id } line quote figures { field value } } }
MATCH (n:Entity) WHERE size(coalesce(n.disputed, [])) > 0
UNWIND n.disputed AS field
MATCH (n)-[:CLAIMED_BY]->(c:Claim) WHERE field IN c.fields
WITH n, field, c ORDER BY c.source, c.line
RETURN n {.*, labels: labels(n)} AS fact, field, collect(c {.*}) AS claims,
       collect(c.source + ':' + coalesce(toString(c.line), '-') + ' = ' + toString(c[field])
               + coalesce(' ' + c[field + 'Precision'], '')) AS figures
ORDER BY fact.id, field;
