package org.criticalminerals.model;

import java.util.List;

/** A fact with claims: which of its fields the sources disagree on, and how (the GraphQL field {@code disputes}). */
public interface Evidenced extends Node {

    /** How many times the fact was written. */
    int version();

    /** The fields whose claims disagree. */
    List<String> disputed();

    /** The kind of each disputed field's disagreement, in the order of {@link #disputed()}. */
    List<String> disputeKinds();
}
