/** The change feed: what changed since a time, for partners that sync incrementally. */
@NullMarked
package org.criticalminerals.changes;

import org.jspecify.annotations.NullMarked;
