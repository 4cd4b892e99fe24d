package org.kenes.groups;

/**
 * One k that was tried, for the methods text: why the chosen k won and the others did not.
 *
 * @param k number of groups
 * @param silhouette mean silhouette of the best k-means++ run for this k
 * @param smallest size of its smallest group
 * @param tooSmall the smallest group is under minCell, so this k could not be shown
 */
public record Candidate(int k, double silhouette, int smallest, boolean tooSmall) {
}
