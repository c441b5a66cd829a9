package org.criticalminerals.protocol;

import org.criticalminerals.security.SecurityProperties;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Lets browsers and HTTP caches reuse the answer to a query sent with GET for {@code cmg.protocol.get-max-age}:
 * only a complete answer without errors (a timeout or a refusal is never kept), {@code public} where reads are
 * open and {@code private} where they need a key, so that no shared cache hands data to a caller without one.
 * Every other answer keeps Spring Security's {@code no-store}, as does one whose response a slow request has
 * already begun.
 */
@Component
class CacheableGetAnswers implements WebGraphQlInterceptor {

    private final ProtocolProperties properties;

    private final boolean readsOpen;

    CacheableGetAnswers(ProtocolProperties properties, SecurityProperties security) {
        this.properties = properties;
        this.readsOpen = security.readAccess() == SecurityProperties.ReadAccess.OPEN;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        boolean cameAsGet = Boolean.TRUE.equals(request.getAttributes().get(GetAndPersistedQueryFilter.CAME_AS_GET));
        if (!cameAsGet || properties.getMaxAge().isZero()) {
            return chain.next(request);
        }
        return chain.next(request).doOnNext(response -> {
            if (response.isValid() && response.getErrors().isEmpty()) {
                CacheControl cache = CacheControl.maxAge(properties.getMaxAge());
                response.getResponseHeaders().setCacheControl(readsOpen ? cache.cachePublic() : cache.cachePrivate());
                response.getResponseHeaders().setVary(java.util.List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT));
            }
        });
    }
}
