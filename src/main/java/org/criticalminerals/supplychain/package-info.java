/**
 * Supply routes and the route-check and concentration questions.
 */
@NullMarked
package org.criticalminerals.supplychain;

import org.jspecify.annotations.NullMarked;
