// Question 8 — How are two things connected?
// Purpose:    The shortest typed connections between two entities over the facts of the graph (evidence —
//             claims and sources — is not a connection), each hop named by its relationship, up to $maxHops.
// Parameters: $from, $to  entity ids, e.g. 'sojitz', 'MY'
//             $maxHops    1 to 6
// Example:    :param {from: 'sojitz', to: 'MY', maxHops: 4}
//             GraphQL: connections(from: "sojitz", to: "MY", maxHops: 4) { nodes { id name } hops { type from to } }
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
// A path search's depth is a literal, so there is one branch per $maxHops and only the one asked for runs: a search
// to depth 6 cut to $maxHops afterwards walks hub countries' thousands of links for pairs that are not connected.
CALL (a, b) {
  WITH a, b WHERE $maxHops = 1
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..1]-(b)) RETURN path
  UNION ALL
  WITH a, b WHERE $maxHops = 2
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..2]-(b)) RETURN path
  UNION ALL
  WITH a, b WHERE $maxHops = 3
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..3]-(b)) RETURN path
  UNION ALL
  WITH a, b WHERE $maxHops = 4
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..4]-(b)) RETURN path
  UNION ALL
  WITH a, b WHERE $maxHops = 5
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..5]-(b)) RETURN path
  UNION ALL
  WITH a, b WHERE $maxHops = 6
  MATCH path = allShortestPaths((a)-[:PART_OF|BASED_IN|SUBSIDIARY_OF|LOCATED_IN|OPERATES|PRODUCES|SUPPLIES|INVESTED|IN|CONCERNS|BUYER|SELLER|OF|SUPPLIED_FROM|PARTY|ADDRESSES|SUCCEEDED_BY|IMPOSED_BY|RESTRICTS|ISSUED_BY|DESIGNATES|SETS|FOR|OF_COUNTRY|ABOUT|FROM_PARTNER|INVOLVES*..6]-(b)) RETURN path
}
RETURN [n IN nodes(path) | n {.*, labels: labels(n)}] AS nodes,
       [r IN relationships(path) | {type: type(r), from: startNode(r).id, to: endNode(r).id}] AS hops
ORDER BY [n IN nodes(path) | n.id]
LIMIT 25;
