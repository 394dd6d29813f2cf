package de.eakte.api.security;

import de.eakte.core.shared.Actor;
import de.eakte.core.shared.CitizenId;
import de.eakte.core.shared.InvalidValueException;
import de.eakte.core.shared.OfficeCode;
import de.eakte.core.shared.Role;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads a caller from a JWT: roles from the configured roles claim (a list or a single string),
 * the office of staff, the citizen's file of a citizen. A token whose claims do not fit its role
 * (staff without a valid office) gets no role at all, so it is refused like a wrong role.
 */
public final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String OFFICE_CLAIM = "office";
    public static final String CITIZEN_CLAIM = "citizen";

    private final String rolesClaim;

    public JwtCallers(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles(jwt)) {
            Role parsed = parseRole(role);
            if (parsed != null && claimsFit(parsed, jwt)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + parsed.claimValue()));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private Collection<String> roles(Jwt jwt) {
        Object claim = jwt.getClaims().get(rolesClaim);
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String single) {
            return List.of(single.split("[ ,]+"));
        }
        return List.of();
    }

    private static Role parseRole(String value) {
        for (Role role : Role.values()) {
            if (role.claimValue().equals(value.toLowerCase(Locale.ROOT))) {
                return role;
            }
        }
        return null;
    }

    private static boolean claimsFit(Role role, Jwt jwt) {
        try {
            return switch (role) {
                case STAFF -> new OfficeCode(jwt.getClaimAsString(OFFICE_CLAIM)) != null;
                case CITIZEN -> CitizenId.of(jwt.getClaimAsString(CITIZEN_CLAIM)) != null;
                case DPO, ADMIN -> true;
            };
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** The caller behind an authenticated request: actor and, for a citizen, the file their token names. */
    public static de.eakte.api.access.CitizenDataReads.Caller caller(Authentication authentication) {
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        for (Role role : List.of(Role.STAFF, Role.CITIZEN, Role.DPO, Role.ADMIN)) {
            if (authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.claimValue()))) {
                OfficeCode office = role == Role.STAFF ? new OfficeCode(jwt.getClaimAsString(OFFICE_CLAIM)) : null;
                CitizenId citizen = role == Role.CITIZEN ? CitizenId.of(jwt.getClaimAsString(CITIZEN_CLAIM)) : null;
                return new de.eakte.api.access.CitizenDataReads.Caller(new Actor(role, jwt.getSubject(), office), citizen);
            }
        }
        throw new org.springframework.security.access.AccessDeniedException("no role");
    }

    /** The acting staff member behind an authenticated request. */
    public static Actor staffActor(Authentication authentication) {
        Jwt jwt = ((JwtAuthenticationToken) authentication).getToken();
        return Actor.staff(jwt.getSubject(), new OfficeCode(jwt.getClaimAsString(OFFICE_CLAIM)));
    }
}
