package de.eakte.api.security;

import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Decides, from configuration alone, whether the local development token issuer may run. It fails
 * closed: on only for the embedded H2 default (or when explicitly enabled), never beside an
 * external issuer; a server on another database without an issuer must not start.
 */
public record LocalIssuerSettings(boolean enabled, String issuer, Path keyFile, Duration tokenTtl,
                                  String rolesClaim, String externalIssuerUri, String externalJwkSetUri) {

    public static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    public static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    public static final String ENABLED = "eakte.security.local-issuer.enabled";

    public static LocalIssuerSettings from(Environment env) {
        String mode = env.getProperty(ENABLED, "auto").trim().toLowerCase(java.util.Locale.ROOT);
        String issuerUri = blankToNull(env.getProperty(ISSUER_URI));
        String jwkSetUri = blankToNull(env.getProperty(JWK_SET_URI));
        boolean external = issuerUri != null || jwkSetUri != null;
        String url = env.getProperty("spring.datasource.url", "");
        boolean embedded = url.startsWith("jdbc:h2:");
        if (!mode.equals("auto") && !mode.equals("true") && !mode.equals("false")) {
            throw new IssuerNotConfiguredException(ENABLED + " must be auto, true or false, not '" + mode + "'");
        }
        if (external && mode.equals("true")) {
            throw new IssuerNotConfiguredException("An external token issuer is configured (" + ISSUER_URI + " or "
                    + JWK_SET_URI + ") and " + ENABLED + "=true asks for the local issuer as well; choose one.");
        }
        boolean enabled = !external && (mode.equals("true") || (mode.equals("auto") && embedded));
        if (!external && !enabled) {
            throw new IssuerNotConfiguredException("No token issuer is configured for the database " + redact(url)
                    + ". The local development issuer runs only on the embedded H2 default (or with " + ENABLED
                    + "=true for development).");
        }
        Path dataDir = Path.of(env.getProperty("eakte.data-dir", "./data"));
        return new LocalIssuerSettings(enabled, env.getProperty("eakte.security.local-issuer.issuer", "eakte-local"),
                dataDir.resolve("keys").resolve("local-issuer-rsa.pem"),
                env.getProperty("eakte.security.token-ttl", Duration.class, Duration.ofHours(8)),
                env.getProperty("eakte.security.roles-claim", "roles"), issuerUri, jwkSetUri);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Shows the kind of database only; a URL may carry credentials. */
    private static String redact(String url) {
        int colon = url.indexOf(':', 5);
        return colon > 0 ? url.substring(0, colon) : "(none)";
    }
}
