// Question 7 — Targets against what is secured.
// Purpose:    A country's targets per mineral and year (targets of the country, or set by its policies or its
//             agencies' policies) beside the volumes its organizations have secured through offtakes of that
//             mineral or its members, in the target's unit, and the gap. Where sources disagree on an offtake's
//             volume, the secured volume is a range (low, high). Equity production is not modelled yet.
// Parameters: $country  ISO code, e.g. 'JP'
// Example:    :param {country: 'JP'}
//             GraphQL: targetsVersusSecured(country: JP) { target { id } quantity unit securedLow securedHigh gapLow gapHigh }
CALL () {
  MATCH (:Country {id: $country})<-[:OF_COUNTRY]-(t:Target) RETURN t
  UNION
  MATCH (:Country {id: $country})<-[:ISSUED_BY]-(:Policy)-[:SETS]->(t:Target) RETURN t
  UNION
  MATCH (:Country {id: $country})<-[:BASED_IN]-(:Organization)<-[:ISSUED_BY]-(:Policy)-[:SETS]->(t:Target) RETURN t
}
MATCH (t)-[:FOR]->(m:Mineral)
WITH collect({t: t, m: m}) AS goals
// The country's offtakes, read once (not once per target): each with the minerals it counts for (its own and the
// groups they belong to) and the volumes its figures give (the reconciled one, else every claim's).
CALL () {
  MATCH (o:Offtake)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $country})
  WITH DISTINCT o
  MATCH (o)-[:OF]->(om:Mineral)
  OPTIONAL MATCH (om)-[:PART_OF*1..3]->(group:Mineral)
  WITH o, collect(DISTINCT om) + collect(DISTINCT group) AS countsFor
  WITH o, countsFor, CASE WHEN o.volume IS NOT NULL THEN [o.volume]
                         ELSE [(o)-[:CLAIMED_BY]->(c:Claim) WHERE c.volume IS NOT NULL | c.volume] END AS volumes
  RETURN collect({o: o, countsFor: countsFor, unit: o.unit,
                  low: CASE WHEN size(volumes) = 0 THEN 0 ELSE reduce(low = volumes[0], v IN volumes | CASE WHEN v < low THEN v ELSE low END) END,
                  high: CASE WHEN size(volumes) = 0 THEN 0 ELSE reduce(high = volumes[0], v IN volumes | CASE WHEN v > high THEN v ELSE high END) END})
         AS offtakes
}
UNWIND goals AS goal
WITH goal.t AS t, goal.m AS m, [x IN offtakes WHERE x.unit = goal.t.unit AND goal.m IN x.countsFor] AS secured
WITH t, m, [x IN secured | head([o IN [x.o] | o {.*, labels: labels(o)}])] AS offtakes,
     reduce(sum = 0, x IN secured | sum + x.low) AS securedLow, reduce(sum = 0, x IN secured | sum + x.high) AS securedHigh
RETURN t {.*, labels: labels(t)} AS target, m {.*, labels: labels(m)} AS mineral, t.year AS year, t.quantity AS quantity, t.unit AS unit,
       offtakes, securedLow, securedHigh,
       CASE WHEN t.quantity IS NULL THEN null ELSE t.quantity - securedHigh END AS gapLow,
       CASE WHEN t.quantity IS NULL THEN null ELSE t.quantity - securedLow END AS gapHigh
ORDER BY year, mineral.id, target.id;
