package org.criticalminerals.model;

/** The GraphQL union PartyEntity: a country or an organization. */
public interface PartyEntity extends Node {
}
