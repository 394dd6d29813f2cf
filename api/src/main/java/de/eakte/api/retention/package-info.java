/**
 * Retention and disposal at the edge: the {@link de.eakte.core.retention.RetentionRegister} on
 * the database, drawing up disposal lists (daily schedule, request, sub-command), and the REST
 * endpoints records management (role admin) confirms and approves them with.
 */
package de.eakte.api.retention;
