package org.criticalminerals.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Operation names kept as tags ({@code CMG_METRICS_OPERATION_NAMES}); later names count as "other". */
    @Bean
    ExecutionRequestObservationConvention graphQlRequestConvention(@Value("${cmg.metrics.operation-names:100}") int operationNames) {
        return new GraphQlRequestConvention(new OperationNames(operationNames));
    }

    /**
     * Every Driver bean is timed, innermost: ordered first, so that the limits' budgeted driver wraps this one
     * and the statements it bounds are the ones timed here.
     */
    @Bean
    static BeanPostProcessor timedDriver(ObjectProvider<MeterRegistry> registry) {
        return new TimingPostProcessor(registry);
    }

    private static final class TimingPostProcessor implements BeanPostProcessor, Ordered {

        private final ObjectProvider<MeterRegistry> registry;

        TimingPostProcessor(ObjectProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof Driver driver && !(bean instanceof TimedDriver) ? new TimedDriver(driver, new CypherTimer(registry.getObject()))
                    : bean;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
