/**
 * Investments and the money-flows question.
 */
@NullMarked
package org.criticalminerals.investment;

import org.jspecify.annotations.NullMarked;
