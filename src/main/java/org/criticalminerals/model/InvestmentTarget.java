package org.criticalminerals.model;

/** The GraphQL union InvestmentTarget: an organization, a deposit or a facility. */
public interface InvestmentTarget extends Node {
}
