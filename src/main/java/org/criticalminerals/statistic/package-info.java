/**
 * Statistics and the dependency-over-time question.
 */
@NullMarked
package org.criticalminerals.statistic;

import org.jspecify.annotations.NullMarked;
