/**
 * The consolidated file read model (Bürgerakte across offices): citizen master data and address
 * history, case summaries with overdue flags, case entries; answers {@code GetConsolidatedFile}
 * and {@code GetCase}.
 */
package de.eakte.projections.file;
