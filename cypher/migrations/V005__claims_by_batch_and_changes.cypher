// The write path reconciles every fact from all of its claims, whatever batch made them: claims are found
// by batch (replacing or removing a batch), facts by when they last changed (the change feed).
CREATE INDEX claim_batch IF NOT EXISTS FOR (n:Claim) ON (n.batch);
CREATE INDEX entity_updated_at IF NOT EXISTS FOR (n:Entity) ON (n.updatedAt);
CREATE CONSTRAINT import_batch_name IF NOT EXISTS FOR (b:ImportBatch) REQUIRE b.name IS UNIQUE;
// a fact no longer belongs to one batch
DROP INDEX entity_batch IF EXISTS;
