package org.criticalminerals.security;

import java.util.function.Supplier;

import org.criticalminerals.api.HttpErrorBodies;
import org.criticalminerals.limits.GraphQlOperations;
import org.criticalminerals.workbench.ReadOnlyCypher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Every write needs a key with the partner or curator role; reads are open, or need the reader role when
 * {@code CMG_READ_ACCESS=reader}. On {@code /graphql} a request is a write when the operation it runs is a
 * mutation ({@link GraphQlOperations} reads that from the body before this chain runs); mutation
 * controllers check the role again ({@code @PreAuthorize}). The read-only Cypher endpoint ({@code POST
 * /cypher}) always needs a key with the reader role or above. Liveness and readiness are public; health
 * details need a key, and so do the metrics ({@code /actuator/prometheus}, a key with the reader role or above,
 * whether reads are open or not). Pages ({@code /browser/}, {@code /explorer/}) are reads; GraphiQL's page and scripts are
 * public, since they hold no data and the user enters the key in the page (its queries are checked as any).
 * CORS (for the origins of {@code CMG_CORS_ORIGINS}) is applied first, so that refusals carry it too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // the command-line modes serve nothing
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    static RoleHierarchy roleHierarchy() {
        return Role.hierarchy();
    }

    @Bean
    ApiKeys apiKeys(SecurityProperties properties) {
        ApiKeys keys = ApiKeys.parse(properties.apiKeys());
        if (keys.isEmpty()) {
            log.warn("No API keys are configured (CMG_API_KEYS): every write is refused. The README's 'Keys and roles' says how to add one.");
        }
        else {
            keys.all().forEach(key -> log.info("API key '{}' with role {}", key.name(), key.role().configName()));
        }
        log.info("Reads are {}", properties.readAccess() == SecurityProperties.ReadAccess.OPEN ? "open to anyone"
                : "for keys with the reader role or above");
        return keys;
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys keys, SecurityProperties properties, HttpErrorBodies errorBodies,
            GraphQlProperties graphQl, RoleHierarchy hierarchy) throws Exception {
        String graphQlPath = graphQl.getHttp().getPath();
        SecurityErrorResponses errors = new SecurityErrorResponses(errorBodies);
        AuthorizationManager<RequestAuthorizationContext> write = role(Role.PARTNER, hierarchy);
        AuthorizationManager<RequestAuthorizationContext> read = properties.readAccess() == SecurityProperties.ReadAccess.OPEN
                ? (authentication, context) -> new AuthorizationDecision(true) : role(Role.READER, hierarchy);
        AuthorizationManager<RequestAuthorizationContext> graphQlAccess = new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
                return (GraphQlOperations.isMutation(context.getRequest()) ? write : read).authorize(authentication, context);
            }
        };
        return http
                .csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: keys travel in a header
                .cors(Customizer.withDefaults()) // the bean corsConfigurationSource (protocol package)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys, errors), AnonymousAuthenticationFilter.class)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/error").permitAll()
                        .requestMatchers(graphQlPath).access(graphQlAccess)
                        .requestMatchers(HttpMethod.GET, "/graphiql", "/graphiql/", "/graphiql/*", "/webjars/graphiql/**", "/webjars/react/**",
                                "/webjars/react-dom/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/import").access(write)
                        // arbitrary Cypher, if read-only: always for a known caller, even when reads are open
                        .requestMatchers(ReadOnlyCypher.PATH).access(role(Role.READER, hierarchy))
                        // metrics tell what the service is doing (operation names, error rates, store size): a key, as health details
                        .requestMatchers("/actuator/prometheus").access(role(Role.READER, hierarchy))
                        .anyRequest().access(read))
                .build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> role(Role role, RoleHierarchy hierarchy) {
        AuthorityAuthorizationManager<RequestAuthorizationContext> manager = AuthorityAuthorizationManager.hasRole(role.name());
        manager.setRoleHierarchy(hierarchy);
        return manager;
    }
}
