package org.criticalminerals.model;

/** The GraphQL union Site: a deposit or a facility. */
public interface Site extends Node {
}
