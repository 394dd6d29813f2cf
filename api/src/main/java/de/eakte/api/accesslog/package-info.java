/**
 * The access log over HTTP: a citizen's own log of who (which office, why, on which legal basis)
 * looked at their data, read from the audit module's citizen access-log read model. Never the
 * individual staff member (CJEU C-579/21).
 */
package de.eakte.api.accesslog;
