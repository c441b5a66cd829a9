package org.criticalminerals.chokepoint;

import java.util.List;

import org.criticalminerals.model.Mineral;
import org.criticalminerals.model.Node;
import org.jspecify.annotations.Nullable;

/**
 * The GraphQL {@code Chokepoints}: the routes of a mineral and, ranked, what they depend on.
 *
 * @param mineral the mineral asked for, null for all minerals
 * @param routes offtakes in scope with a known supply route
 * @param volumeUnit the one unit of the routes with a known volume; null when none or several
 * @param volume their total volume in that unit
 * @param centralityAvailable whether betweenness was computed (the database has GDS)
 * @param centralityNote why not, when it was not
 */
public record Chokepoints(@Nullable Mineral mineral, int routes, @Nullable String volumeUnit, @Nullable Double volume,
        boolean centralityAvailable, @Nullable String centralityNote, List<Chokepoint> countries, List<Chokepoint> sites,
        List<Chokepoint> organizations) {

    /**
     * One country, site or organization and how much of the routes depends on it.
     *
     * @param rank position from 1: by betweenness, then routes, then id
     * @param entity the country, deposit, facility or organization 
     * @param routeShare percentage of the routes through it
     * @param volumeShare percentage of the known volume through it
     * @param betweenness betweenness on the material-flow graph (sum over its sites for a country or an
     *        organization); null without GDS
     */
    public record Chokepoint(int rank, Node entity, int routes, double routeShare, @Nullable Double volume,
            @Nullable Double volumeShare, @Nullable Double betweenness) {
    }
}
