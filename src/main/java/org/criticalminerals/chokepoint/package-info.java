/**
 * Chokepoint analytics: which countries, sites and organizations the supply routes of a mineral depend on,
 * by routes and volume through each and by betweenness centrality (Graph Data Science) on the routes'
 * material-flow graph. The statement is {@code cypher/queries/chokepoints.cypher}; the method is in
 * {@code docs/chokepoints.md}.
 */
@NullMarked
package org.criticalminerals.chokepoint;

import org.jspecify.annotations.NullMarked;
