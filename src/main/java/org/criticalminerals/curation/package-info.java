/**
 * Curators' and partners' edits of single facts and batches.
 */
@NullMarked
package org.criticalminerals.curation;

import org.jspecify.annotations.NullMarked;
