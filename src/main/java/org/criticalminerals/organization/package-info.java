/**
 * Organizations: companies, agencies and their links.
 */
@NullMarked
package org.criticalminerals.organization;

import org.jspecify.annotations.NullMarked;
