package org.criticalminerals.api;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests Spring MVC refuses before any controller of the service runs — a body that is not JSON, a content
 * type or method the endpoint does not take, a missing or malformed parameter, a path that does not exist —
 * are answered like every other error ({@link HttpErrorBodies}: a GraphQL error with {@code extensions.code}
 * on {@code /graphql}, a problem with a {@code code} elsewhere), with a message that says what to send, instead
 * of Spring's empty body or its default error page. A controller's own handlers come first.
 */
@RestControllerAdvice
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RequestErrors {

    private final HttpErrorBodies errors;

    RequestErrors(HttpErrorBodies errors) {
        this.errors = errors;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void notReadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST, errors.isGraphQl(request)
                ? "The body is not a GraphQL request: send JSON such as {\"query\": \"{ … }\", \"variables\": {…}}, in UTF-8."
                : "The body could not be read: send it in the format and encoding its Content-Type names.");
    }

    /** Spring for GraphQL's refusals of the content type, the Accept header or the body, in their WebFlux-style exceptions too. */
    @ExceptionHandler({ HttpMediaTypeNotSupportedException.class, UnsupportedMediaTypeStatusException.class })
    void mediaType(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_REQUEST, "Content-Type "
                + (request.getContentType() == null ? "(none)" : "'" + cut(request.getContentType()) + "'") + " is not accepted here; send "
                + (errors.isGraphQl(request) ? "application/json" : "one of the types this endpoint documents") + ".");
    }

    @ExceptionHandler({ HttpMediaTypeNotAcceptableException.class, NotAcceptableStatusException.class })
    void notAcceptable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, HttpServletResponse.SC_NOT_ACCEPTABLE, ErrorCode.BAD_REQUEST,
                "The answer cannot be given in a media type of the Accept header; accept application/json.");
    }

    @ExceptionHandler(ServerWebInputException.class)
    void input(HttpServletRequest request, HttpServletResponse response) throws IOException {
        notReadable(request, response);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String allowed = e.getSupportedHttpMethods() == null || e.getSupportedHttpMethods().isEmpty() ? "GET, POST"
                : String.join(", ", e.getSupportedHttpMethods().stream().map(Object::toString).toList());
        methodNotAllowed(request, response, allowed);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (errors.isGraphQl(request)) {
            // the endpoint exists; this method does not (PUT, DELETE, HEAD …)
            methodNotAllowed(request, response, "GET, POST");
            return;
        }
        errors.write(request, response, HttpServletResponse.SC_NOT_FOUND, ErrorCode.NOT_FOUND,
                "Nothing is served at " + request.getMethod() + " " + cut(request.getRequestURI()) + ".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                "The parameter '" + e.getParameterName() + "' is required.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void wrongParameter(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Class<?> type = e.getRequiredType();
        String expected = type == boolean.class || type == Boolean.class ? "true or false"
                : type != null && Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type)) ? "a number"
                : "a valid value";
        errors.write(request, response, HttpServletResponse.SC_BAD_REQUEST, ErrorCode.BAD_REQUEST,
                "The parameter '" + e.getName() + "' must be " + expected + ", not '" + cut(String.valueOf(e.getValue())) + "'.");
    }

    private void methodNotAllowed(HttpServletRequest request, HttpServletResponse response, String allowed) throws IOException {
        response.setHeader(HttpHeaders.ALLOW, allowed);
        errors.write(request, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                request.getMethod().toUpperCase(Locale.ROOT) + " is not served here; use " + allowed + ".");
    }

    /** A caller's value quoted back, at most 100 characters. */
    private static String cut(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "…";
    }
}
