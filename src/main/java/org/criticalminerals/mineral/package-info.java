/**
 * Minerals, elements and groups.
 */
@NullMarked
package org.criticalminerals.mineral;

import org.jspecify.annotations.NullMarked;
