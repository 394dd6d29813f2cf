/** Sub-commands of the jar that run without the web server: {@code token}. */
package de.eakte.api.cli;
