// Question 3 — Frameworks binding countries.
// Purpose:    Agreements to which every country in $countries is a recorded party (EU membership does not
//             make a country party to the EU's agreements), in force on $asOf (each party's since/until
//             brackets the date, the agreement is not dated after it), with the minerals they address and
//             their chain of successors.
// Parameters: $countries  list of ISO codes, e.g. ['JP', 'AU']
//             $asOf       date or null (no date check)
// Example:    :param {countries: ['JP', 'AU'], asOf: date('2024-01-01')}
//             GraphQL: frameworksBinding(countries: [JP, AU], asOf: "2024-01-01") { agreement { id name } minerals { id } successors { id } }
MATCH (:Country {id: $countries[0]})<-[:PARTY]-(a:Agreement)
WITH DISTINCT a
WHERE all(code IN $countries WHERE EXISTS {
        MATCH (a)-[p:PARTY]->(:Country {id: code})
        WHERE $asOf IS NULL OR ((p.since IS NULL OR p.since <= $asOf) AND (p.until IS NULL OR p.until >= $asOf)) })
  AND ($asOf IS NULL OR a.date IS NULL OR a.date <= $asOf)
OPTIONAL MATCH chain = (a)-[:SUCCEEDED_BY*1..5]->(:Agreement)
WITH a, chain ORDER BY length(chain) DESC
WITH a, head(collect(chain)) AS longest
RETURN a {.*, labels: labels(a)} AS agreement,
       [(a)-[p:PARTY]->(party) WHERE party.id IN $countries | {party: party {.*, labels: labels(party)}, since: p.since, sincePrecision: p.sincePrecision, until: p.until, untilPrecision: p.untilPrecision}] AS parties,
       [(a)-[:ADDRESSES]->(m:Mineral) | m {.*, labels: labels(m)}] AS minerals,
       CASE WHEN longest IS NULL THEN [] ELSE [s IN tail(nodes(longest)) | s {.*, labels: labels(s)}] END AS successors
ORDER BY agreement.id;
