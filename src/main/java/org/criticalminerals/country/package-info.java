/**
 * Countries and the organizations based in them.
 */
@NullMarked
package org.criticalminerals.country;

import org.jspecify.annotations.NullMarked;
