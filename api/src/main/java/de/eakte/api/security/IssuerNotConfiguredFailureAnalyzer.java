package de.eakte.api.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing token issuer into a short start-up message instead of a stack trace. */
public class IssuerNotConfiguredFailureAnalyzer extends AbstractFailureAnalyzer<IssuerNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IssuerNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Configure your OIDC provider with " + LocalIssuerSettings.ISSUER_URI + " (or "
                        + LocalIssuerSettings.JWK_SET_URI + "), e.g. SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI="
                        + "https://keycloak.example/realms/city. See the README, section 'Configuration'.",
                cause);
    }
}
