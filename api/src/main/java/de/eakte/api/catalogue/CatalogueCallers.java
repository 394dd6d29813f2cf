package de.eakte.api.catalogue;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.DomainRuleViolation;
import de.eakte.core.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor behind a catalogue request, in the role the endpoint is for (admin or DPO; they act
 * for no office). The filter chain has checked the role already; this check keeps a caller from
 * acting in a role its token does not carry should a route ever be opened wider.
 */
final class CatalogueCallers {

    private CatalogueCallers() {
    }

    static Actor actingAs(Role role, Authentication authentication) {
        boolean holds = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + role.claimValue()).equals(a.getAuthority()));
        if (!holds || !(authentication instanceof JwtAuthenticationToken jwt)) {
            throw DomainRuleViolation.forbidden(role.claimValue() + "-only",
                    "this needs a token with the role " + role.claimValue());
        }
        return new Actor(role, jwt.getToken().getSubject(), null);
    }
}
