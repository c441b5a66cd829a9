// The facts whose sources disagree (question 10, disagreements.cypher) are read from this index instead of a scan
// of every entity: a reconciled fact has `disputed` (the list of its disputed fields) only when it has a dispute.
CREATE INDEX entity_disputed IF NOT EXISTS FOR (n:Entity) ON (n.disputed);
