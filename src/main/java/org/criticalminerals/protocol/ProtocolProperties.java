package org.criticalminerals.protocol;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cmg.protocol.*}.
 *
 * @param corsOrigins the origins whose pages may call {@code /graphql} and {@code /graphql/schema} from a web
 *        browser ({@code CMG_CORS_ORIGINS}, comma-separated, e.g. {@code http://localhost:5173}); empty: none
 * @param persistedQueries how many automatic persisted queries are kept (least recently used go first)
 * @param getMaxAge how long a browser or cache may reuse the answer to a query sent with GET
 *        ({@code CMG_GET_MAX_AGE}); zero: not at all
 */
@Validated
@ConfigurationProperties("cmg.protocol")
public record ProtocolProperties(List<String> corsOrigins, @Min(1) int persistedQueries, Duration getMaxAge) {

    public ProtocolProperties {
        getMaxAge = getMaxAge == null || getMaxAge.isNegative() ? Duration.ZERO : getMaxAge;
        corsOrigins = corsOrigins == null ? List.of() : corsOrigins.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
    }
}
