/**
 * Search and connections between entities.
 */
@NullMarked
package org.criticalminerals.explore;

import org.jspecify.annotations.NullMarked;
