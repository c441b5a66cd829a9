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
// What the country's offtakes secure, read once (not once per target): summed per mineral they count for (their
// own and the groups those belong to) and unit, each offtake with the volumes its figures give (the reconciled one,
// else every claim's: low and high). A target then looks up its own mineral and unit among those sums.
CALL () {
  MATCH (o:Offtake)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $country})
  WITH DISTINCT o
  WITH o, CASE WHEN o.volume IS NOT NULL THEN [o.volume]
               ELSE [(o)-[:CLAIMED_BY]->(c:Claim) WHERE c.volume IS NOT NULL | c.volume] END AS volumes
  WITH o, CASE WHEN size(volumes) = 0 THEN 0 ELSE reduce(low = volumes[0], v IN volumes | CASE WHEN v < low THEN v ELSE low END) END AS low,
          CASE WHEN size(volumes) = 0 THEN 0 ELSE reduce(high = volumes[0], v IN volumes | CASE WHEN v > high THEN v ELSE high END) END AS high
  MATCH (o)-[:OF]->(own:Mineral)
  OPTIONAL MATCH (own)-[:PART_OF*1..3]->(group:Mineral)
  UNWIND [own, group] AS counted
  WITH DISTINCT counted, o, low, high
  WHERE counted IS NOT NULL
  WITH counted, o.unit AS unit, o, low, high ORDER BY o.id
  WITH counted, unit, collect(o {.*, labels: labels(o)}) AS offtakes, sum(low) AS low, sum(high) AS high
  RETURN collect({mineral: counted, unit: unit, offtakes: offtakes, low: low, high: high}) AS supplies
}
UNWIND goals AS goal
WITH goal.t AS t, goal.m AS m, head([s IN supplies WHERE s.mineral = goal.m AND s.unit = goal.t.unit]) AS secured
WITH t, m, coalesce(secured.offtakes, []) AS offtakes, coalesce(secured.low, 0) AS securedLow, coalesce(secured.high, 0) AS securedHigh
RETURN t {.*, labels: labels(t)} AS target, m {.*, labels: labels(m)} AS mineral, t.year AS year, t.quantity AS quantity, t.unit AS unit,
       offtakes, securedLow, securedHigh,
       CASE WHEN t.quantity IS NULL THEN null ELSE t.quantity - securedHigh END AS gapLow,
       CASE WHEN t.quantity IS NULL THEN null ELSE t.quantity - securedLow END AS gapHigh
ORDER BY year, mineral.id, target.id;
