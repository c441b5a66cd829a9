// Re-importing a batch removes what it no longer asserts; find a batch's entities without a label scan.
CREATE INDEX entity_batch IF NOT EXISTS FOR (n:Entity) ON (n.batch);
