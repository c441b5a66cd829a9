// Lookups that lists and questions filter on.
CREATE INDEX claim_record IF NOT EXISTS FOR (n:Claim) ON (n.record);
CREATE INDEX facility_stage IF NOT EXISTS FOR (n:Facility) ON (n.stage);
CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name);
CREATE INDEX supplies_record IF NOT EXISTS FOR ()-[r:SUPPLIES]-() ON (r.record);
// Search by name and aliases in English and Japanese (searchText = name, nameJa and aliases joined).
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.nameJa, n.searchText];
