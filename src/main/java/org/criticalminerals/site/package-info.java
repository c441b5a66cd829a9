/**
 * Deposits, facilities and the supply links between them.
 */
@NullMarked
package org.criticalminerals.site;

import org.jspecify.annotations.NullMarked;
