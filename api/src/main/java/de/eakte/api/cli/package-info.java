/** Sub-commands of the jar that run without the web server: {@code token}, {@code keys rewrap}. */
package de.eakte.api.cli;
