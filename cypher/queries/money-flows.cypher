// Question 4 — Money flows.
// Purpose:    Investments, loans, grants and guarantees by an investor (an organization or a state) or by
//             the organizations of an investor country: targets, host countries, minerals, instruments, every
//             figure each source gives, and totals per currency and year over the investments whose sources
//             agree on amount and currency (the disputed ones are listed, never summed).
// Parameters: $investor         organization or country id, or null
//             $investorCountry  ISO code, or null (the state itself and organizations based there);
//                               give one or both (both: investments matching both)
// Example:    :param {investor: null, investorCountry: 'JP'}
//             GraphQL: moneyFlows(investorCountry: JP) { totals { currency year total } disputed { id } }
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
OPTIONAL MATCH (i)-[:IN]->(target)
OPTIONAL MATCH (target)-[:LOCATED_IN|BASED_IN]->(host:Country)
WITH i, target, host ORDER BY i.id
WITH collect({
       investment: i {.*, labels: labels(i)},
       investors: [(investor)-[:INVESTED]->(i) | investor {.*, labels: labels(investor)}],
       target: CASE WHEN target IS NULL THEN null ELSE target {.*, labels: labels(target)} END,
       hostCountry: host.id,
       minerals: [(i)-[:CONCERNS]->(m:Mineral) | m {.*, labels: labels(m)}],
       figures: [(i)-[:CLAIMED_BY]->(c:Claim) WHERE c.amount IS NOT NULL | c {.*}]}) AS flows
CALL (flows) {
  UNWIND flows AS flow
  WITH flow.investment AS investment WHERE investment.amount IS NOT NULL AND investment.currency IS NOT NULL
  WITH investment.currency AS currency, investment.date.year AS year, sum(investment.amount) AS total, count(*) AS investments
  ORDER BY currency, year
  RETURN collect({currency: currency, year: year, total: total, investments: investments}) AS totals
}
RETURN flows, totals,
       [flow IN flows WHERE any(field IN coalesce(flow.investment.disputed, []) WHERE field IN ['amount', 'currency']) | flow.investment] AS disputed;
