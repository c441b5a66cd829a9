// Question 4 — Money flows.
// Purpose:    Investments, loans, grants and guarantees by an investor (an organization or a state) or by
//             the organizations of an investor country: targets, host countries, minerals, instruments, every
//             figure each source gives, and totals per currency and year over the investments whose sources
//             agree on amount and currency (the disputed ones are listed, never summed).
//             The flows come a page at a time, by investment id; the totals and the disputed investments are over
//             all of them, and only the page's flows are shaped.
// Parameters: $investor         organization or country id, or null
//             $investorCountry  ISO code, or null (the state itself and organizations based there);
//                               give one or both (both: investments matching both)
//             $skip, $limit     the page of flows: rows to pass over, rows to return (GraphQL: flows(first, after))
// Example:    :param {investor: null, investorCountry: 'JP', skip: 0, limit: 100}
//             GraphQL: moneyFlows(investorCountry: JP) { totals { currency year total } disputed { id } flows(first: 100) { cursor } }
CALL () {
  MATCH (:Entity {id: $investor})-[:INVESTED]->(i:Investment) RETURN i
  UNION
  MATCH (:Country {id: $investorCountry})-[:INVESTED]->(i:Investment) RETURN i
  UNION
  MATCH (:Country {id: $investorCountry})<-[:BASED_IN]-(:Organization)-[:INVESTED]->(i:Investment) RETURN i
}
WITH i
WHERE ($investor IS NULL OR EXISTS { (:Entity {id: $investor})-[:INVESTED]->(i) })
  AND ($investorCountry IS NULL OR EXISTS { (:Country {id: $investorCountry})-[:INVESTED]->(i) }
       OR EXISTS { (:Country {id: $investorCountry})<-[:BASED_IN]-(:Organization)-[:INVESTED]->(i) })
WITH collect(i) AS matched
CALL (matched) {
  UNWIND matched AS i
  WITH i WHERE i.amount IS NOT NULL AND i.currency IS NOT NULL
  WITH i.currency AS currency, i.date.year AS year, sum(i.amount) AS total, count(*) AS investments
  ORDER BY currency, year
  RETURN collect({currency: currency, year: year, total: total, investments: investments}) AS totals
}
CALL (matched) {
  UNWIND matched AS i
  WITH i WHERE any(field IN coalesce(i.disputed, []) WHERE field IN ['amount', 'currency'])
  WITH i ORDER BY i.id
  RETURN collect(i {.*, labels: labels(i)}) AS disputed
}
CALL (matched) {
  UNWIND matched AS i
  WITH i ORDER BY i.id SKIP $skip LIMIT $limit
  OPTIONAL MATCH (i)-[:IN]->(target)
  OPTIONAL MATCH (target)-[:LOCATED_IN|BASED_IN]->(host:Country)
  WITH i, target, host ORDER BY i.id
  RETURN collect({
           investment: i {.*, labels: labels(i)},
           investors: [(investor)-[:INVESTED]->(i) | investor {.*, labels: labels(investor)}],
           target: CASE WHEN target IS NULL THEN null ELSE target {.*, labels: labels(target)} END,
           hostCountry: host.id,
           minerals: [(i)-[:CONCERNS]->(m:Mineral) | m {.*, labels: labels(m)}],
           figures: [(i)-[:CLAIMED_BY]->(c:Claim) WHERE c.amount IS NOT NULL | c {.*}]}) AS flows
}
RETURN flows, totals, disputed;
