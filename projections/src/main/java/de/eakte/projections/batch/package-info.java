/**
 * Write batching for the generational read models (decision 0009): the rows a unit of work inserts
 * or changes are held in memory, with the version each has reached, and sent as JDBC batches just
 * before the unit of work commits, in its transaction.
 */
package de.eakte.projections.batch;
