/**
 * The write path: imports checked, planned, reconciled and written with provenance.
 */
@NullMarked
package org.criticalminerals.ingest;

import org.jspecify.annotations.NullMarked;
