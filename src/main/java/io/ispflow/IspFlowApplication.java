package io.ispflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * ISPFlow: ISP management on Camunda Platform 7. Business capabilities live in one package each
 * (see {@code package-info.java} of every module); {@code platform} holds the technical glue.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
public class IspFlowApplication {

    public static void main(String[] args) {
        SpringApplication.run(IspFlowApplication.class, args);
    }
}
