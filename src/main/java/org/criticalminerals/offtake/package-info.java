/**
 * Offtakes and their supply routes.
 */
@NullMarked
package org.criticalminerals.offtake;

import org.jspecify.annotations.NullMarked;
