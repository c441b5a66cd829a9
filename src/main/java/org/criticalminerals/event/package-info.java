/**
 * Events and their participants.
 */
@NullMarked
package org.criticalminerals.event;

import org.jspecify.annotations.NullMarked;
