package de.eakte.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local issuer fails closed: it never runs beside an external issuer or on a production database by default. */
class LocalIssuerSettingsTest {

    private static final String PG = "jdbc:postgresql://db.example:5432/eakte";

    @Test
    void givenEmbeddedDefault_thenLocalIssuerIsOn() {
        assertThat(LocalIssuerSettings.from(env("jdbc:h2:file:./data/db/eakte")).enabled()).isTrue();
    }

    @Test
    void givenPostgresWithoutIssuer_thenTheServerRefusesToStart() {
        assertThatThrownBy(() -> LocalIssuerSettings.from(env(PG)))
                .isInstanceOf(IssuerNotConfiguredException.class)
                .hasMessageContaining("No token issuer is configured for the database jdbc:postgresql")
                .hasMessageNotContaining("db.example");
    }

    @Test
    void givenPostgresWithIssuerUri_thenLocalIssuerIsOff() {
        LocalIssuerSettings settings = LocalIssuerSettings.from(env(PG)
                .withProperty(LocalIssuerSettings.ISSUER_URI, "https://idp.example/realms/city"));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.externalIssuerUri()).isEqualTo("https://idp.example/realms/city");
    }

    @Test
    void givenEmbeddedWithJwkSetUri_thenLocalIssuerIsOff() {
        assertThat(LocalIssuerSettings.from(env("jdbc:h2:file:./x")
                .withProperty(LocalIssuerSettings.JWK_SET_URI, "https://idp.example/jwks")).enabled()).isFalse();
    }

    @Test
    void givenPostgresWithExplicitDevelopmentIssuer_thenLocalIssuerIsOn() {
        assertThat(LocalIssuerSettings.from(env(PG).withProperty(LocalIssuerSettings.ENABLED, "true")).enabled()).isTrue();
    }

    @Test
    void givenLocalIssuerForcedBesideExternalIssuer_thenRefused() {
        assertThatThrownBy(() -> LocalIssuerSettings.from(env(PG).withProperty(LocalIssuerSettings.ENABLED, "true")
                .withProperty(LocalIssuerSettings.ISSUER_URI, "https://idp.example/realms/city")))
                .isInstanceOf(IssuerNotConfiguredException.class);
    }

    @Test
    void givenLocalIssuerSwitchedOffOnEmbedded_thenRefusedForLackOfAnyIssuer() {
        assertThatThrownBy(() -> LocalIssuerSettings.from(env("jdbc:h2:file:./x")
                .withProperty(LocalIssuerSettings.ENABLED, "false"))).isInstanceOf(IssuerNotConfiguredException.class);
    }

    @Test
    void givenNonsenseMode_thenRefused() {
        assertThatThrownBy(() -> LocalIssuerSettings.from(env("jdbc:h2:file:./x")
                .withProperty(LocalIssuerSettings.ENABLED, "yes"))).isInstanceOf(IssuerNotConfiguredException.class);
    }

    private static MockEnvironment env(String url) {
        return new MockEnvironment().withProperty("spring.datasource.url", url);
    }
}
