package de.eakte.api.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import de.eakte.api.web.Problems;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;

/**
 * Every endpoint needs a bearer token except health, the OpenAPI description and (later) the
 * ledger's public keys. Roles are checked here, in the filter chain, before a body is read.
 */
// sub-commands that open the database (projections, retention) run without a web server
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    LocalIssuerSettings localIssuerSettings(Environment environment) {
        return LocalIssuerSettings.from(environment);
    }

    /** Only in the server: sub-commands such as {@code retention draw-up} start the context without the web. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SecurityFilterChain api(HttpSecurity http, LocalIssuerSettings settings) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the ledger's checkpoints and keys are public, so witnesses and citizens' apps can
                        // keep copies; proofs need a token (any role)
                        .requestMatchers(HttpMethod.GET, "/api/ledger/checkpoint", "/api/ledger/checkpoint/*",
                                "/api/ledger/keys").permitAll()
                        // reads of citizen data: the access policy decides per role (DPO only by break-glass,
                        // admin never) and every attempt is recorded
                        .requestMatchers(HttpMethod.GET, "/api/citizens/*/file", "/api/cases/*")
                        .hasAnyRole("staff", "dpo", "admin")
                        .requestMatchers("/api/citizens/**", "/api/cases/**").hasRole("staff")
                        // searches are group queries of staff; every hit passes the policy
                        .requestMatchers("/api/search/**").hasRole("staff")
                        .requestMatchers("/api/me/**").hasRole("citizen")
                        .requestMatchers("/api/admin/**").hasRole("admin")
                        .requestMatchers("/api/dpo/**").hasRole("dpo")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(o -> o
                        .jwt(j -> j.jwtAuthenticationConverter(new JwtCallers(settings.rolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No observation around each of the security chain's filters, authentications and
     * authorizations: with the actuator's registry they started and stopped some fifteen
     * observations per request, about 8 % of a request's CPU in the staff file read (JFR,
     * docs/BENCHMARKS.md). The HTTP request itself is still observed ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Paths the firewall refuses (";", encoded dots or slashes, "//") get a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) -> Problems.write(response, HttpStatus.BAD_REQUEST, "request-rejected",
                "Request rejected", "The request path is not allowed.", "");
    }

    /**
     * Verifies bearer tokens; a token verified once is remembered until it expires (at most
     * {@code eakte.security.token-cache.max-age}, {@code eakte.security.token-cache.size} tokens;
     * size 0 turns the cache off), see {@link VerifiedTokenCache}.
     */
    @Bean
    JwtDecoder jwtDecoder(LocalIssuerSettings settings, Environment environment) {
        NimbusJwtDecoder decoder;
        OAuth2TokenValidator<Jwt> validator;
        if (settings.enabled()) {
            LocalIssuer issuer = LocalIssuer.loadOrCreate(settings);
            decoder = NimbusJwtDecoder.withPublicKey(issuer.publicKey()).build();
            validator = JwtValidators.createDefaultWithIssuer(issuer.issuer());
        } else if (settings.externalJwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(settings.externalJwkSetUri()).build();
            validator = settings.externalIssuerUri() == null
                    ? new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault())
                    : JwtValidators.createDefaultWithIssuer(settings.externalIssuerUri());
        } else {
            // discovery happens lazily on the first token, so the server starts while the provider is down
            decoder = NimbusJwtDecoder.withIssuerLocation(settings.externalIssuerUri()).build();
            validator = JwtValidators.createDefaultWithIssuer(settings.externalIssuerUri());
        }
        decoder.setJwtValidator(validator);
        int size = environment.getProperty("eakte.security.token-cache.size", Integer.class, 10_000);
        if (size <= 0) {
            return decoder;
        }
        return new VerifiedTokenCache(decoder, validator, size,
                environment.getProperty("eakte.security.token-cache.max-age", Duration.class, Duration.ofMinutes(5)),
                Clock.systemUTC());
    }
}
