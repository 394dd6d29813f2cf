/**
 * Staff search on demand (group queries, BMG § 40): {@code POST /api/search/citizens} and
 * {@code POST /api/search/cases} with the criteria in the body, the wiring of the search read
 * model ({@code projections.search}) and its processor. Every hit passes the access policy and is
 * recorded in {@code api.access.CitizenDataReads}.
 */
package de.eakte.api.search;
