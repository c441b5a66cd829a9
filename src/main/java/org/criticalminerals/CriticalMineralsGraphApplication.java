package org.criticalminerals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// no users or passwords: callers authenticate with API keys (security package)
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CriticalMineralsGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(CriticalMineralsGraphApplication.class, args);
    }
}
