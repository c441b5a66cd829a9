package org.criticalminerals.storage;

/**
 * The embedded database was restarted in place (after Neo4j had stopped it) and recovered its store; published
 * before traffic is accepted again, so that listeners can finish what the old one left (import runs to undo).
 */
public record DatabaseRestartedEvent() {
}
