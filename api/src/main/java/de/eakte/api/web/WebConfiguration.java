package de.eakte.api.web;

import de.eakte.projections.file.ConsolidatedFileProjection;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/** The HTTP edge's helpers. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<HttpEdgeFilter> httpEdgeFilter(@Value("${eakte.http.max-request-bytes:262144}") long max) {
        FilterRegistrationBean<HttpEdgeFilter> registration = new FilterRegistrationBean<>(new HttpEdgeFilter(max));
        // before Spring Security, so 401/403 answers carry the correlation id and no-store too
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat refuses an encoded slash (%2F) itself, with its HTML error page; passed through, the
     * Spring Security firewall refuses it with a problem like every other odd path.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashToFirewall() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    Commands commands(CommandGateway gateway) {
        return new Commands(gateway);
    }

    @Bean
    IdempotencyStore idempotencyStore(JdbcTemplate jdbc, Clock clock) {
        return new IdempotencyStore(jdbc, clock);
    }

    @Bean
    ReadYourWrites readYourWrites(ConsolidatedFileProjection projection,
                                  @Value("${eakte.read-your-writes.timeout:PT5S}") Duration timeout) {
        return new ReadYourWrites(projection, timeout);
    }
}
