package dev.camelneptune.examples.springboot;

import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Both components on Spring Boot. Everything about them is in {@code application.properties}: the route URIs carry no
 * options, and the offset repository is wired by {@code camel.component.neptune-stream.offset-repository}.
 */
@SpringBootApplication
public class NeptuneSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(NeptuneSpringBootApplication.class, args);
    }

    /** Where the change-log consumer keeps its position; use a file repository to survive a restart. */
    @Bean
    StateRepository<String, String> offsets() {
        return new MemoryStateRepository();
    }
}
