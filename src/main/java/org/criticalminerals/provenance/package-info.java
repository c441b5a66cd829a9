/**
 * Sources, claims and disputes: the evidence behind every fact.
 */
@NullMarked
package org.criticalminerals.provenance;

import org.jspecify.annotations.NullMarked;
