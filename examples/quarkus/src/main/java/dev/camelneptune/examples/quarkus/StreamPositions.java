package dev.camelneptune.examples.quarkus;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.apache.camel.support.service.ServiceHelper;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.camelneptune.stream.state.AtomicFileStateRepository;

/**
 * Where the change-log consumer keeps its position, so a restart resumes after the last record it processed:
 * application.properties points the component at this bean ({@code offset-repository = #bean:offsets}).
 */
@ApplicationScoped
public class StreamPositions {

    @Produces
    @Singleton
    @Named("offsets")
    AtomicFileStateRepository offsets(@ConfigProperty(name = "neptune.offsets.file") String file) {
        return new AtomicFileStateRepository(Path.of(file));
    }

    void close(@Disposes @Named("offsets") AtomicFileStateRepository offsets) {
        // writes the last position out
        ServiceHelper.stopService(offsets);
    }
}
