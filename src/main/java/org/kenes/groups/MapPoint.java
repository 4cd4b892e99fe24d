package org.kenes.groups;

/**
 * One anonymous dot of the opinion map. The points carry no index and are ordered by group and
 * position, never by panelist, so the list cannot be matched back to people.
 *
 * @param x score on the first principal component
 * @param y score on the second principal component
 * @param group the panelist's group id
 * @param panel the panelist's panel, or null when that panel has fewer than minCell clustered
 *     panelists (its dots would point at the people)
 */
public record MapPoint(double x, double y, String group, String panel) {
}
