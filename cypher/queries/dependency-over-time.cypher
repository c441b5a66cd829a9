// Question 6 — Dependency over time.
// Purpose:    For a country and a mineral (or a member of the mineral group): import dependency and the share
//             imported from each source country, by year, each figure with its sources and quotes, and the
//             figures the sources disagree on.
// Parameters: $country  ISO code, e.g. 'JP'
//             $mineral  mineral id, e.g. 'rare-earth-elements'
// Example:    :param {country: 'JP', mineral: 'rare-earth-elements'}
//             GraphQL: dependencyOverTime(country: JP, mineral: "rare-earth-elements") { year measure partner value claims { source { id } line } }
MATCH (s:Statistic)-[:OF_COUNTRY]->(:Country {id: $country})
WHERE s.measure IN ['IMPORT_DEPENDENCY', 'IMPORT_SHARE']
  AND EXISTS { (s)-[:ABOUT]->(m:Mineral) WHERE m.id = $mineral OR EXISTS { (m)-[:PART_OF*1..3]->(:Mineral {id: $mineral}) } }
OPTIONAL MATCH (s)-[:FROM_PARTNER]->(partner:Country)
RETURN s.year AS year, s.measure AS measure, partner.id AS partner, s.value AS value,
       s {.*, labels: labels(s)} AS statistic,
       [(s)-[:ABOUT]->(m:Mineral) | m {.*, labels: labels(m)}][0] AS mineral,
       [(s)-[:CLAIMED_BY]->(c:Claim) | c {.*}] AS claims,
       size(coalesce(s.disputed, [])) > 0 AS disputed
ORDER BY year, measure, partner, statistic.id;
