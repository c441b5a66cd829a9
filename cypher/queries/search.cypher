// Question 9 — Search.
// Purpose:    Full-text search over names, Japanese names and aliases (index entity_search, CJK analyzer),
//             ranked, with the entity type: the entry point of a frontend, typeahead included.
// Parameters: $query  a Lucene query; the GraphQL field escapes what users type, adds a prefix term for each word
//                     (typeahead: 'Soji' finds Sojitz) and weights names over aliases, e.g.
//                     'name:(soji soji*)^3 nameJa:(soji soji*)^3 searchText:(soji soji*)' or just '双日'
//             $text   the text as typed, or null: an entity whose name, Japanese name or an alias is that text
//                     (ignoring case) ranks first, one whose name or alias starts with it next (the more of the
//                     name typed, the higher), then the others by relevance: the entity itself before the things
//                     that merely mention it
//             $types  entity types to keep (e.g. ['Mineral', 'Organization']), or null for all
//             $skip   how many of the best hits to pass over (0 for the first page; the next page skips the hits shown)
//             $limit  how many hits; the hits are ranked and cut before anything is read from them
// Example:    :param {query: '双日', text: '双日', types: null, skip: 0, limit: 10}
//             GraphQL: search(text: "双日") { type score entity { id name } }
// Only the 1,000 most relevant hits (of the wanted types) are ranked by name: a common word, or its prefix, matches
// every generated entity (100k), and reading each one's names took 1.5-2.3 s. An entity named as typed has every word
// in its name and is among the most relevant; among more than 1,000 equally relevant hits the index's order decides,
// and paging ($skip) ends after the 1,000th.
// Without a type filter the index itself stops at 1,000 (20-90 ms); with one, every hit's labels are read first so
// that a type the first 1,000 lack is still found (0.3-0.9 s for a word in 92k entities).
CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: CASE WHEN $types IS NULL THEN 1000 END}) YIELD node, score AS relevance
WITH node, relevance, [label IN labels(node) WHERE label IN ['Mineral', 'Country', 'Organization', 'Deposit', 'Facility', 'Investment',
      'Offtake', 'Agreement', 'ExportControl', 'Policy', 'Target', 'Statistic', 'Event', 'Source']][0] AS type
WHERE type IS NOT NULL AND ($types IS NULL OR type IN $types)
WITH node, type, relevance ORDER BY relevance DESC LIMIT 1000
WITH node, type, relevance, [name IN [node.name, node.nameJa] + coalesce(node.aliases, []) WHERE name IS NOT NULL | toLower(name)] AS names
// completing a name ranks by how much of it is typed: 'neodym' is more of Neodymium than of 'neodymium magnets'
WITH node, type, relevance, names, [name IN names WHERE name STARTS WITH toLower($text) | size(name)] AS completed
WITH node, type, relevance + CASE WHEN toLower($text) IN names THEN 100
                                  WHEN size(completed) > 0 THEN 50 + 10.0 * size($text) / reduce(shortest = 1000000, s IN completed |
                                       CASE WHEN s < shortest THEN s ELSE shortest END)
                                  ELSE 0 END AS score
ORDER BY score DESC, node.id
SKIP $skip
LIMIT $limit
RETURN node {.*, labels: labels(node)} AS entity, type, score;
