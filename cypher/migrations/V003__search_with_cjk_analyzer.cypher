// Japanese names are not split into words by the default analyzer; the CJK analyzer indexes them as
// bigrams, so that 双日 or 経済産業省 find their entities, and English words as before.
DROP INDEX entity_search IF EXISTS;
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameJa, n.searchText]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}};
