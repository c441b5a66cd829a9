package org.criticalminerals.api;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.context.request.WebRequest;

/**
 * The errors no handler of the service answers still carry a code. Requests Tomcat refuses before the service
 * sees them (headers larger than it takes, a malformed request line) get the JSON error of {@link HttpErrorBodies}
 * instead of Tomcat's HTML page: the error report valve on the host is replaced by one that writes it. What ends
 * on Spring Boot's error page (a method no servlet serves, such as TRACE) gets a {@code code}, and on the GraphQL
 * endpoint a GraphQL {@code errors} list.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class FallbackErrorBodies {

    @Bean
    ErrorAttributes errorAttributesWithCode(GraphQlProperties graphQl) {
        String graphQlPath = graphQl.getHttp().getPath();
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                int status = attributes.get("status") instanceof Integer code ? code : 500;
                ErrorCode code = code(status);
                attributes.put("code", code.name());
                if (graphQlPath.equals(attributes.get("path"))) {
                    attributes.put("errors", List.of(Map.of("message", String.valueOf(attributes.get("error")),
                            "extensions", Map.of("code", code.name(), "classification", code.classification().toString()))));
                }
                return attributes;
            }
        };
    }

    static ErrorCode code(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413, 431 -> ErrorCode.REQUEST_TOO_LARGE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
    }

    /** Last, so that the error report valve Spring Boot adds to the host is there to be replaced. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorReports(HttpErrorBodies errors) {
        return factory -> factory.addContextCustomizers(context -> {
            var pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve instanceof ErrorReportValve) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new JsonErrorReportValve(errors));
            // the host adds a valve of its error report class at start unless the pipeline holds one: name ours, or it adds Tomcat's own
            ((StandardHost) context.getParent()).setErrorReportValveClass(JsonErrorReportValve.class.getName());
        });
    }

    /** Writes Tomcat's own error answers (status 400 and up, nothing written yet) as the service's JSON errors. */
    static final class JsonErrorReportValve extends ErrorReportValve {

        private final HttpErrorBodies errors;

        JsonErrorReportValve(HttpErrorBodies errors) {
            this.errors = errors;
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String message = status == 505 ? "The HTTP version is not supported: send HTTP/1.1."
                    : status >= 500 ? "The request was not completed."
                    : "The HTTP request could not be read: its request line and headers are larger than the server takes (8 KB; send "
                            + "long queries with POST), or malformed.";
            ErrorCode code = status == 505 ? ErrorCode.BAD_REQUEST : code(status);
            try {
                if (request.getRequestURI() == null || request.getRequestURI().isEmpty()) {
                    errors.writeForAnyEndpoint(response, status, code, message);
                }
                else {
                    errors.write(request, response, status, code, message);
                }
            }
            catch (IOException | IllegalStateException e) {
                // the connection is gone or the answer already started: nothing more can be said
            }
        }
    }
}
