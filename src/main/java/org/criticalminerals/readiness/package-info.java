/**
 * When the service is ready: the data endpoints wait for the start-up work (knowledge base, recovery of
 * interrupted imports) instead of answering from a half-loaded graph, and one log line says where to go.
 */
@NullMarked
package org.criticalminerals.readiness;

import org.jspecify.annotations.NullMarked;
