// Question 1 — Routes that avoid a country.
// Purpose:    Offtakes of buyers based in $buyerCountry, each with its supply route (deposit and every
//             processing stage, in order); an offtake qualifies when its route is known down to a deposit
//             and no stage lies in one of the $avoid countries. For those that do not qualify, the failing
//             stages (where and which) or ROUTE_UNKNOWN.
// Parameters: $buyerCountry  ISO code of the buyers' country, e.g. 'JP'
//             $avoid         list of ISO codes, e.g. ['CN']
//             $mineral       mineral id or null; an offtake of a group or of a member matches
//             $asOf          date or null; only supply links valid on that date count
//             $skip, $limit  the page: rows to pass over, rows to return (GraphQL: first/after; 0 and 1000 here)
// Example:    :param {buyerCountry: 'JP', avoid: ['CN'], mineral: null, asOf: null, skip: 0, limit: 1000}
//             GraphQL: routeCheck(buyerCountry: JP, avoid: [CN]) { qualifies offtake { id } failingStages { stage country } }
MATCH (o:Offtake)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry})
WHERE $mineral IS NULL OR EXISTS {
        (o)-[:OF]->(m:Mineral)
        WHERE m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) }
           OR EXISTS { (m)<-[:PART_OF*1..3]-(:Mineral {id: $mineral}) } }
WITH DISTINCT o
/* supply route */
// The supply route of the offtake o: for each site o is supplied from, the site, its country, its stage (MINING
// for deposits) and its depth (the longest chain of SUPPLIES links from a deposit of the route), in route order.
// With $asOf, links must be valid on that date, and a facility whose every incoming link on the route has expired
// drops out. One copy: supply-concentration.cypher and the offtakes list use this block, and a test keeps it so.
CALL (o) {
  OPTIONAL MATCH (o)-[:SUPPLIED_FROM]->(site)
  WITH collect(site) AS sites
  UNWIND (CASE WHEN size(sites) = 0 THEN [null] ELSE sites END) AS site
  OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
  OPTIONAL MATCH path = (deposit:Deposit)-[:SUPPLIES*0..6]->(site)
    WHERE deposit IN sites AND all(x IN nodes(path) WHERE x IN sites)
      AND all(link IN relationships(path) WHERE $asOf IS NULL
            OR ((link.validFrom IS NULL OR link.validFrom <= $asOf) AND (link.validTo IS NULL OR link.validTo >= $asOf)))
  WITH sites, site, country, max(length(path)) AS depth
  WITH site, country, depth, [(x)-[link:SUPPLIES]->(site) WHERE x IN sites | link] AS incoming
  WHERE site IS NULL OR $asOf IS NULL OR size(incoming) = 0
     OR any(link IN incoming WHERE (link.validFrom IS NULL OR link.validFrom <= $asOf) AND (link.validTo IS NULL OR link.validTo >= $asOf))
  WITH site AS s, country, depth ORDER BY coalesce(depth, 99), s.id
  RETURN collect(CASE WHEN s IS NULL THEN null ELSE
           {country: country.id, depth: depth, stage: CASE WHEN s:Deposit THEN 'MINING' ELSE s.stage END,
            site: s {.*, labels: labels(s)}} END) AS stages
}
/* end supply route */
WITH o, [i IN range(0, size(stages) - 1) | {order: i + 1, stage: stages[i].stage, country: stages[i].country, site: stages[i].site}] AS stages
WITH o, stages, [s IN stages WHERE s.country IN $avoid] AS failingStages, any(s IN stages WHERE s.stage = 'MINING') AS knownToDeposit
RETURN o {.*, labels: labels(o)} AS offtake,
       stages,
       failingStages,
       knownToDeposit AND size(failingStages) = 0 AS qualifies,
       CASE WHEN NOT knownToDeposit THEN 'ROUTE_UNKNOWN' WHEN size(failingStages) > 0 THEN 'PASSES_AVOIDED_COUNTRY' END AS reason
ORDER BY qualifies DESC, offtake.id
SKIP $skip
LIMIT $limit;
