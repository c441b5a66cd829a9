/**
 * Limits on every request: body size, GraphQL depth and complexity, a time budget that bounds every
 * database transaction the request opens, and cancellation of that work when the client goes away.
 */
@NullMarked
package org.criticalminerals.limits;

import org.jspecify.annotations.NullMarked;
