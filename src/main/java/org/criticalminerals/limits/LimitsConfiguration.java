package org.criticalminerals.limits;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import graphql.parser.ParserOptions;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.micrometer.context.ContextRegistry;
import org.criticalminerals.api.HttpErrorBodies;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import tools.jackson.databind.json.JsonMapper;

/** Wires the request limits: filters, the GraphQL instrumentation, the budgeted driver. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    static {
        // Spring for GraphQL carries registered thread-locals to whatever thread a data fetcher runs on
        ContextRegistry.getInstance().registerThreadLocalAccessor("cmg.request-budget", RequestBudget::current, RequestBudget::bind,
                () -> RequestBudget.bind(null));
    }

    /** Every Driver bean becomes a {@link BudgetedDriver}, whoever uses it. */
    @Bean
    static BeanPostProcessor budgetedDriver(org.springframework.beans.factory.ObjectProvider<QueryLimits> limits) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Driver driver && !(bean instanceof BudgetedDriver)
                        ? new BudgetedDriver(driver, limits.getObject().queryTimeout()) : bean;
            }
        };
    }

    @Bean
    QueryLimitsInstrumentation queryLimitsInstrumentation(QueryLimits limits) {
        return new QueryLimitsInstrumentation(limits);
    }

    /** Every execution parses its document with the limits' parser options (the document length among them). */
    @Bean
    WebGraphQlInterceptor parserLimits(QueryLimits limits) {
        ParserOptions options = limits.parserOptions();
        return (request, chain) -> {
            request.configureExecutionInput((input, builder) -> builder.graphQLContext(context -> context.put(ParserOptions.class, options)).build());
            return chain.next(request);
        };
    }

    /** The limits, in the description of the schema's root types, where GraphiQL and codegen show them. */
    @Bean
    GraphQlSourceBuilderCustomizer limitsInSchemaDescription(QueryLimits limits) {
        return builder -> builder.typeVisitorsToTransformSchema(List.of(new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLObjectType(GraphQLObjectType type, TraverserContext<GraphQLSchemaElement> context) {
                if (type.getName().equals("Query") || type.getName().equals("Mutation")) {
                    String description = type.getDescription() == null ? "" : type.getDescription() + "\n\n";
                    return changeNode(context, type.transform(b -> b.description(description + limits.describe())));
                }
                return TraversalControl.CONTINUE;
            }
        }));
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(QueryLimits limits, HttpErrorBodies errors) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits.maxRequestSize().toBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Before the security filter chain (order -100), which decides on what this finds. */
    @Bean
    FilterRegistrationBean<GraphQlOperations> graphQlOperations(QueryLimits limits, JsonMapper json, GraphQlProperties graphQl,
            HttpErrorBodies errors) {
        var registration = new FilterRegistrationBean<>(new GraphQlOperations(graphQl.getHttp().getPath(), limits.maxRequestSize().toBytes(), json,
                errors, limits.parserOptions()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService requestWatchdog() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "request-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * After the security filter chain: only requests it lets through get a budget. GraphQL requests, and
     * those of every other {@link BudgetedPath} a feature declares.
     */
    @Bean
    FilterRegistrationBean<RequestBudgetFilter> requestBudgetFilter(QueryLimits limits, GraphQlProperties graphQl,
            ScheduledExecutorService requestWatchdog, Driver driver,
            org.springframework.beans.factory.ObjectProvider<BudgetedPath> otherPaths) {
        Driver unbudgeted = driver instanceof BudgetedDriver budgeted ? budgeted.unbudgeted() : driver;
        List<BudgetedPath> paths = new ArrayList<>(otherPaths.orderedStream().toList());
        paths.add(new BudgetedPath(graphQl.getHttp().getPath(), true));
        var registration = new FilterRegistrationBean<>(new RequestBudgetFilter(paths, limits, requestWatchdog,
                new TransactionTerminator(unbudgeted)));
        registration.setOrder(0);
        return registration;
    }

    /**
     * Inside the budget filter, so that waiting for a turn counts against the budget: at most
     * {@code cmg.limits.max-concurrent-reads} reads at once (unset: twice the processors), the others in line.
     */
    @Bean
    FilterRegistrationBean<ReadConcurrencyFilter> readConcurrencyFilter(QueryLimits limits, GraphQlProperties graphQl,
            org.springframework.beans.factory.ObjectProvider<BudgetedPath> otherPaths) {
        java.util.Set<String> paths = new java.util.HashSet<>(otherPaths.orderedStream().map(BudgetedPath::path).toList());
        paths.add(graphQl.getHttp().getPath());
        var registration = new FilterRegistrationBean<>(new ReadConcurrencyFilter(paths, limits.concurrentReads()));
        registration.setOrder(1);
        return registration;
    }

    /**
     * On shutdown, before the web server waits for requests to finish: requests still running after a second
     * are stopped and their transactions terminated, so that shutdown never waits on a long query.
     */
    @Bean
    SmartLifecycle stopRequestsOnShutdown(FilterRegistrationBean<RequestBudgetFilter> requestBudgetFilter) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                running = true;
            }

            @Override
            public void stop() {
                requestBudgetFilter.getFilter().stopAll(Duration.ofSeconds(1));
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
