// Question 9 — Search.
// Purpose:    Full-text search over names, Japanese names and aliases (index entity_search, CJK analyzer),
//             ranked, with the entity type: the entry point of a frontend.
// Parameters: $query  a Lucene query; the GraphQL field escapes what users type and weights names over
//                     aliases, e.g. 'name:(jogmec)^3 nameJa:(jogmec)^3 searchText:(jogmec)' or just '双日'
//             $text   the text as typed, or null: an entity whose name, Japanese name or an alias is exactly
//                     that text (ignoring case) ranks first
//             $limit  how many hits
// Example:    :param {query: '双日', text: '双日', limit: 10}
//             GraphQL: search(text: "双日") { type score entity { id name } }
// Only the index's 1,000 most relevant hits are ranked: a common word matches every generated entity (100k), and
// reading each one's names for the exact-name rule took a second. An entity named exactly as the text has every
// word in its name and ranks near the top of those; among more than 1,000 equally relevant hits, the index's order
// decides which are kept.
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: 1000}) YIELD node, score AS relevance
WITH node, relevance + CASE WHEN toLower($text) IN [name IN [node.name, node.nameJa] + coalesce(node.aliases, []) | toLower(name)]
                            THEN 100 ELSE 0 END AS score
// rank and cut first, then project
ORDER BY score DESC, node.id
LIMIT $limit
RETURN node {.*, labels: labels(node)} AS entity,
       [label IN labels(node) WHERE label IN ['Mineral', 'Country', 'Organization', 'Deposit', 'Facility', 'Investment', 'Offtake',
        'Agreement', 'ExportControl', 'Policy', 'Target', 'Statistic', 'Event', 'Source']][0] AS type,
       score
ORDER BY score DESC, entity.id
LIMIT $limit;
