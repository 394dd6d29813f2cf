/**
 * Demo data: a reproducible population of Leipzig citizens with files, moves and cases in every
 * office, planned from a seeded random generator and sent as commands by {@code --demo} into an
 * empty event store.
 */
package de.eakte.api.demo;
