package org.criticalminerals.limits;

/**
 * A path whose requests get a {@link RequestBudget}: a time limit that bounds every database transaction
 * they open, and termination of those transactions when the request is stopped. {@code /graphql} is one;
 * a feature adds another by declaring a bean of this type.
 *
 * @param path the request path, exactly
 * @param probesClient whether a slow request writes white space to find out that its client went away;
 *        only for answers that may start with white space (JSON), not for CSV
 */
public record BudgetedPath(String path, boolean probesClient) {
}
