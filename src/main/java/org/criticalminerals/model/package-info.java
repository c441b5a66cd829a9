/**
 * The knowledge-base model, declared once ({@link org.criticalminerals.model.RecordSchema}): record types,
 * their fields and references. Validation, the import, reconciliation, the documentation tables and the
 * contract test against the GraphQL schema all derive from it.
 */
@NullMarked
package org.criticalminerals.model;

import org.jspecify.annotations.NullMarked;
