package dev.camelneptune.examples.springboot;

import java.nio.file.Path;

import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.springframework.beans.factory.annotation.Value;
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

    // tag::offsets[]
    /**
     * Where the change-log consumer keeps its position, the bean camel.component.neptune-stream.offset-repository
     * names: a file, so that a restart goes on after the last record processed.
     */
    @Bean
    AtomicFileStateRepository offsets(@Value("${neptune.offsets-file}") String file) {
        return new AtomicFileStateRepository(Path.of(file));
    }
    // end::offsets[]
}
