/**
 * Hostile-input fuzzing of the running service: a deterministic, seeded stream of hostile GraphQL documents
 * (built from the schema files), malformed request bodies and malformed import files, the rules every answer
 * must hold, and the check that nothing was written. The fast part runs in the test suite
 * ({@code HostileInputFuzzTest}); {@code tools/fuzz} runs the long part against a running service.
 */
@NullMarked
package org.criticalminerals.fuzz;

import org.jspecify.annotations.NullMarked;
