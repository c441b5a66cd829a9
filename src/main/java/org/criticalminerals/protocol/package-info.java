/**
 * The GraphQL protocol beyond Spring for GraphQL's POST endpoint, for frontend teams: queries over GET,
 * automatic persisted queries (Apollo's protocol), CORS for the configured origins, the SDL at
 * {@code /graphql/schema} and GraphiQL served from the jar.
 */
@NullMarked
package org.criticalminerals.protocol;

import org.jspecify.annotations.NullMarked;
