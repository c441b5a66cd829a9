// Chokepoints — which countries, sites and organizations the supply routes depend on.
// Purpose:    Every offtake of the mineral (a group includes its members; all minerals when $mineral is
//             null) with a known supply route is one route. For each country, site (deposit or facility)
//             and operating organization on those routes: the routes through it and their share, their
//             volume and its share (offtakes whose volume the sources agree on, all in one unit), and its
//             betweenness on the routes' material-flow graph, computed by Graph Data Science: how many
//             shortest supply paths between two points of the network pass through it (a country or an
//             organization: the sum over its sites). Ranked by betweenness, then routes. docs/chokepoints.md
//             explains the method and its cost.
// Parameters: $mineral  mineral id, e.g. 'rare-earth-elements', or null for all minerals
// Example:    :param {mineral: 'rare-earth-elements'}
//             GraphQL: chokepoints(mineral: "rare-earth-elements") { routes countries { rank entity { id } routes routeShare betweenness } }
// Needs GDS. Where the database has none, the service runs this statement with the block between the
// centrality markers replaced by one that gives every site a null betweenness.
MATCH (o:Offtake)
WHERE ($mineral IS NULL OR EXISTS { (o)-[:OF]->(m:Mineral)
                                    WHERE m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) } })
  AND EXISTS { (o)-[:SUPPLIED_FROM]->() }
WITH collect(o) AS offtakes
WHERE size(offtakes) > 0
WITH offtakes, [o IN offtakes WHERE o.volume IS NOT NULL | o.unit] AS units
WITH offtakes, CASE WHEN size(units) > 0 AND all(u IN units WHERE u = units[0]) THEN units[0] END AS volumeUnit
WITH offtakes, volumeUnit,
     reduce(v = 0.0, o IN offtakes | v + CASE WHEN o.unit = volumeUnit THEN coalesce(o.volume, 0.0) ELSE 0.0 END) AS volumeTotal
/* centrality */
CALL (offtakes) {
  // The material-flow graph of the routes, in the direction material moves: supplier -> site for each
  // SUPPLIES link between two sites of one route, and each site that feeds no other site of its route ->
  // the offtake. So a path from a deposit to a buyer passes every processing stage in between.
  WITH offtakes, 'chokepoints-' + randomUUID() AS graphName
  UNWIND offtakes AS o
  WITH graphName, o, [(o)-[:SUPPLIED_FROM]->(s) | s] AS sites
  UNWIND sites AS site
  WITH graphName, o, site, [(supplier)-[:SUPPLIES]->(site) WHERE supplier IN sites | supplier] AS suppliers,
       any(next IN [(site)-[:SUPPLIES]->(next) | next] WHERE next IN sites) AS feedsItsRoute
  UNWIND [s IN suppliers | [s, site]] + CASE WHEN feedsItsRoute THEN [] ELSE [[site, o]] END AS link
  WITH DISTINCT graphName, link[0] AS source, link[1] AS target
  WITH graphName, gds.graph.project(graphName, source, target) AS graph
  CALL gds.betweenness.stream(graph.graphName) YIELD nodeId, score
  WITH graphName, collect([gds.util.asNode(nodeId), score]) AS scores
  CALL gds.graph.drop(graphName, false) YIELD graphName AS dropped
  UNWIND scores AS scored
  WITH scored[0] AS site, scored[1] AS betweenness
  WHERE NOT site:Offtake
  RETURN site, betweenness
}
/* end centrality */
WITH size(offtakes) AS routeTotal, volumeUnit, volumeTotal, site, betweenness
// the routes through each site: the scope test again, cheaper per row than a lookup in the list of offtakes
MATCH (o:Offtake)-[:SUPPLIED_FROM]->(site)
WHERE $mineral IS NULL OR EXISTS { (o)-[:OF]->(m:Mineral)
                                   WHERE m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) } }
OPTIONAL MATCH (site)-[:LOCATED_IN]->(country:Country)
OPTIONAL MATCH (operator:Organization)-[:OPERATES]->(site)
WITH routeTotal, volumeUnit, volumeTotal, o, site, betweenness, country, collect(operator) AS operators
UNWIND [['SITE', site], ['COUNTRY', country]] + [x IN operators | ['ORGANIZATION', x]] AS holding
WITH routeTotal, volumeUnit, volumeTotal, holding[0] AS kind, holding[1] AS holder, o, site, betweenness
WHERE holder IS NOT NULL
WITH routeTotal, volumeUnit, volumeTotal, kind, holder, collect(DISTINCT o) AS through, collect(DISTINCT [site, betweenness]) AS sites
WITH routeTotal, volumeUnit, volumeTotal, kind, holder, size(through) AS routes,
     CASE WHEN volumeUnit IS NOT NULL
          THEN reduce(v = 0.0, x IN through | v + CASE WHEN x.unit = volumeUnit THEN coalesce(x.volume, 0.0) ELSE 0.0 END) END AS volume,
     reduce(b = 0.0, x IN sites | b + x[1]) AS betweenness
ORDER BY coalesce(betweenness, 0.0) DESC, routes DESC, holder.id
WITH routeTotal, volumeUnit, volumeTotal,
     collect({kind: kind, entity: holder {.*, labels: labels(holder)}, routes: routes, routeShare: 100.0 * routes / routeTotal,
              volume: volume, volumeShare: CASE WHEN volumeTotal > 0 THEN 100.0 * volume / volumeTotal END,
              betweenness: betweenness}) AS ranked
RETURN routeTotal AS routes, volumeUnit, CASE WHEN volumeUnit IS NOT NULL THEN volumeTotal END AS volume,
       [x IN ranked WHERE x.kind = 'COUNTRY'] AS countries,
       [x IN ranked WHERE x.kind = 'SITE'] AS sites,
       [x IN ranked WHERE x.kind = 'ORGANIZATION'] AS organizations;
