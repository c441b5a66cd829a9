package org.criticalminerals.model;

/** The GraphQL union Investor: an organization or a country. */
public interface Investor extends Node {
}
