// Question 5 — Supply routes and concentration.
// Purpose:    For a mineral and a buyer country: every route from deposit to buyer (the offtakes of buyers
//             based there, for the mineral, its groups or its members), each with its stages and countries,
//             and for each stage the share of routes through each country — by count, and by volume where
//             the sources agree on the offtake's volume.
// Parameters: $mineral       mineral id, e.g. 'rare-earth-elements'
//             $buyerCountry  ISO code, e.g. 'JP'
// Example:    :param {mineral: 'rare-earth-elements', buyerCountry: 'JP'}
//             GraphQL: supplyConcentration(mineral: "rare-earth-elements", buyerCountry: JP) { stages { stage countries { country routeShare } } }
MATCH (o:Offtake)-[:BUYER]->(:Organization)-[:BASED_IN]->(:Country {id: $buyerCountry})
WHERE EXISTS { (o)-[:OF]->(m:Mineral)
               WHERE m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) }
                  OR EXISTS { (m)<-[:PART_OF*1..3]-(:Mineral {id: $mineral}) } }
WITH DISTINCT o
CALL (o) {
  OPTIONAL MATCH (o)-[:SUPPLIED_FROM]->(site)
  WITH collect(site) AS sites
  UNWIND sites AS site
  OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
  OPTIONAL MATCH path = (deposit:Deposit)-[:SUPPLIES*0..6]->(site)
    WHERE deposit IN sites AND all(x IN nodes(path) WHERE x IN sites)
  WITH site, country, max(length(path)) AS depth ORDER BY coalesce(depth, 99), site.id
  RETURN collect({stage: CASE WHEN site:Deposit THEN 'MINING' ELSE site.stage END, country: country.id,
                  site: site {.*, labels: labels(site)}}) AS route
}
WITH collect({offtake: o {.*, labels: labels(o)}, volume: o.volume, unit: o.unit,
              stages: [i IN range(0, size(route) - 1) | {order: i + 1, stage: route[i].stage, country: route[i].country, site: route[i].site}]}) AS routes
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
