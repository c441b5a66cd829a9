/**
 * The shared read path of the features: statements, paging, typed records, errors.
 */
@NullMarked
package org.criticalminerals.api;

import org.jspecify.annotations.NullMarked;
