package org.criticalminerals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CriticalMineralsGraphApplication {

    public static void main(String[] args) {
        SpringApplication.run(CriticalMineralsGraphApplication.class, args);
    }
}
