/**
 * Agreements (MSP, IPEF, Quad, bilaterals), their parties, and the frameworks-binding question.
 */
@NullMarked
package org.criticalminerals.agreement;

import org.jspecify.annotations.NullMarked;
