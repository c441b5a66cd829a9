/**
 * Who may do what: API keys from {@code CMG_API_KEYS}, the roles reader, partner and curator, and the
 * HTTP answers (401, 403) when a caller lacks them.
 */
@NullMarked
package org.criticalminerals.security;

import org.jspecify.annotations.NullMarked;
