// Question 2 — Export-control exposure.
// Purpose:    For an imposing country and a period: the minerals it restricted (measure and dates), which of
//             them $designator designates as critical (through its own policies or those of its agencies,
//             directly or through a group), and $designator's offtakes, investments and facilities whose
//             supply routes or targets touch the imposer, with the organizations involved.
//             The exposures come a page at a time (offtakes, then investments, then facilities, each by id);
//             only the page's are shaped.
// Parameters: $imposer     ISO code of the imposing country, e.g. 'CN'
//             $designator  ISO code of the designating country, e.g. 'JP'
//             $from, $to   dates or null: a measure counts when announced or effective within [from, to]
//             $skip, $limit  the page of exposures: rows to pass over, rows to return (GraphQL: exposures(first, after))
// Example:    :param {imposer: 'CN', designator: 'JP', from: date('2023-01-01'), to: null, skip: 0, limit: 100}
//             GraphQL: exportControlExposure(imposer: CN, designator: JP, from: "2023-01-01") { ... }
MATCH (imposer:Country {id: $imposer})
CALL (imposer) {
  MATCH (control:ExportControl)-[:IMPOSED_BY]->(imposer)
  WITH control, coalesce(control.effective, control.announced) AS since
  WHERE ($from IS NULL OR since >= $from) AND ($to IS NULL OR since <= $to)
  MATCH (control)-[:RESTRICTS]->(mineral:Mineral)
  // whether the designator designates a mineral is asked once per mineral, not once per control
  WITH mineral, collect(control) AS controls
  OPTIONAL CALL (mineral) {
    MATCH (:Country {id: $designator})<-[:ISSUED_BY]-(policy:Policy)-[:DESIGNATES]->(designated:Mineral)
    WHERE policy.kind = 'CRITICAL_MINERAL_LIST'
      AND (designated = mineral OR EXISTS { (mineral)-[:PART_OF*1..3]->(designated) } OR EXISTS { (designated)-[:PART_OF*1..3]->(mineral) })
    RETURN policy
    UNION
    MATCH (:Country {id: $designator})<-[:BASED_IN]-(:Organization)<-[:ISSUED_BY]-(policy:Policy)-[:DESIGNATES]->(designated:Mineral)
    WHERE policy.kind = 'CRITICAL_MINERAL_LIST'
      AND (designated = mineral OR EXISTS { (mineral)-[:PART_OF*1..3]->(designated) } OR EXISTS { (designated)-[:PART_OF*1..3]->(mineral) })
    RETURN policy
  }
  WITH mineral, controls, collect(DISTINCT policy {.*, labels: labels(policy)}) AS designatedBy
  UNWIND controls AS control
  WITH control, mineral, designatedBy ORDER BY mineral.id, control.id
  RETURN collect({mineral: mineral {.*, labels: labels(mineral)}, control: control {.*, labels: labels(control)},
                  designatedBy: designatedBy, designated: size(designatedBy) > 0}) AS restrictions
}
CALL (imposer) {
  OPTIONAL MATCH (o:Offtake)-[:BUYER]->(buyer:Organization)-[:BASED_IN]->(:Country {id: $designator})
  WHERE EXISTS { (o)-[:SUPPLIED_FROM]->()-[:LOCATED_IN]->(imposer) }
  WITH o, collect(DISTINCT buyer.id) AS organizations ORDER BY o.id
  RETURN collect(CASE WHEN o IS NULL THEN null ELSE {kind: 'OFFTAKE', fact: o, organizations: organizations} END) AS offtakes
}
CALL (imposer) {
  OPTIONAL MATCH (investor:Organization)-[:BASED_IN]->(:Country {id: $designator}), (investor)-[:INVESTED]->(i:Investment)-[:IN]->(target)
  WHERE (target)-[:LOCATED_IN|BASED_IN]->(imposer)
  WITH i, collect(DISTINCT investor.id) AS organizations ORDER BY i.id
  RETURN collect(CASE WHEN i IS NULL THEN null ELSE {kind: 'INVESTMENT', fact: i, organizations: organizations} END) AS investments
}
CALL (imposer) {
  OPTIONAL MATCH (operator:Organization)-[:BASED_IN]->(:Country {id: $designator}), (operator)-[:OPERATES]->(f:Facility)
  WHERE (f)-[:LOCATED_IN]->(imposer) OR EXISTS { (f)<-[:SUPPLIES]-()-[:LOCATED_IN]->(imposer) }
  WITH f, collect(DISTINCT operator.id) AS organizations ORDER BY f.id
  RETURN collect(CASE WHEN f IS NULL THEN null ELSE {kind: 'FACILITY', fact: f, organizations: organizations} END) AS facilities
}
CALL (offtakes, investments, facilities) {
  UNWIND offtakes + investments + facilities AS exposure
  WITH exposure SKIP $skip LIMIT $limit
  WITH exposure, exposure.fact AS fact
  RETURN collect({kind: exposure.kind, fact: fact {.*, labels: labels(fact)}, organizations: exposure.organizations}) AS exposures
}
RETURN restrictions, exposures;
