// Question 5 — Supply routes and concentration.
// Purpose:    For a mineral and a buyer country: every route from deposit to buyer (the offtakes of buyers
//             based there, for the mineral, its groups or its members), each with its stages and countries,
//             and for each stage the share of routes through each country — by count, and by volume where
//             the sources agree on the offtake's volume.
// Parameters: $mineral       mineral id, e.g. 'rare-earth-elements'
//             $buyerCountry  ISO code, e.g. 'JP'
//             $asOf          date or null; only supply links valid on that date count
// Example:    :param {mineral: 'rare-earth-elements', buyerCountry: 'JP', asOf: null}
//             GraphQL: supplyConcentration(mineral: "rare-earth-elements", buyerCountry: JP) { stages { stage countries { country routeShare } } }
MATCH (o:Offtake)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry})
WHERE EXISTS { (o)-[:OF]->(m:Mineral)
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
WITH collect({offtake: o {.*, labels: labels(o)}, volume: o.volume, unit: o.unit,
              stages: [i IN range(0, size(stages) - 1) | {order: i + 1, stage: stages[i].stage, country: stages[i].country, site: stages[i].site}]}) AS routes
CALL (routes) {
  UNWIND routes AS r
  UNWIND r.stages AS s
  WITH s.stage AS stage, s.country AS country, count(DISTINCT r.offtake.id) AS routeCount,
       sum(r.volume) AS volume, count(r.volume) AS withVolume, count(*) AS stagesAtCountry
  WITH stage, collect({country: country, routes: routeCount, volume: CASE WHEN withVolume = stagesAtCountry THEN volume END}) AS byCountry
  WITH stage, byCountry, reduce(n = 0, x IN byCountry | n + x.routes) AS routeTotal,
       CASE WHEN all(x IN byCountry WHERE x.volume IS NOT NULL) THEN reduce(v = 0.0, x IN byCountry | v + x.volume) END AS volumeTotal
  ORDER BY stage
  RETURN collect({stage: stage, routes: routeTotal,
                  countries: [x IN byCountry | {country: x.country, routes: x.routes, routeShare: 100.0 * x.routes / routeTotal,
                                                volume: x.volume, volumeShare: CASE WHEN volumeTotal > 0 THEN 100.0 * x.volume / volumeTotal END}]}) AS stages
}
RETURN routes, stages;
