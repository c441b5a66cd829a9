// Imports too large for one transaction are written in chunks by an import run: its claims carry the run's
// id, so that a run that fails (or whose process dies) can be undone; one run at a time per batch.
CREATE INDEX claim_run IF NOT EXISTS FOR (n:Claim) ON (n.run);
CREATE CONSTRAINT running_import_batch IF NOT EXISTS FOR (r:RunningImport) REQUIRE r.batch IS UNIQUE;
