package dev.camelneptune.reliability;

import java.util.List;

import dev.camelneptune.graph.NeptuneGraphEndpoint;
import dev.camelneptune.stream.NeptuneStreamEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented routes for real AWS ({@link DocumentedRoutes}) are valid Camel routes: they are created with every
 * endpoint they name, and the components accept every option (names, values, the rules between them), which is where a
 * documentation typo would fail. Nothing is started: there is no cluster to reach.
 */
class DocumentedRoutesTest {

    @Test
    void everyDocumentedRouteIsCreatedWithEveryOptionAccepted() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.setAutoStartup(false);
            context.getRegistry().bind("offsets", new MemoryStateRepository());
            context.addRoutes(new DocumentedRoutes());

            context.start();

            List<Endpoint> neptune = context.getEndpoints().stream()
                    .filter(e -> e instanceof NeptuneStreamEndpoint || e instanceof NeptuneGraphEndpoint).toList();
            assertThat(context.getRoutes()).hasSize(9);
            assertThat(neptune).hasSize(10);
            assertThat(context.getRegistry().lookupByName("positions")).isNotNull();
        }
    }
}
