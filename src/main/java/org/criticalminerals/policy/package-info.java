/**
 * Policies, targets and the targets-versus-secured question.
 */
@NullMarked
package org.criticalminerals.policy;

import org.jspecify.annotations.NullMarked;
