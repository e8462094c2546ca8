package dev.camelneptune.stream;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A new CamelContext (a new process, as far as the consumer knows) resumes right after the stored position. */
class RestartTest extends NeptuneStreamTestSupport {

    @TempDir
    Path dir;

    @Test
    void aNewContextResumesAfterTheStoredPositionWithNoGapAndNoDuplicate() throws Exception {
        commitPeople(200);
        Path file = dir.resolve("offsets.state");
        context.getRegistry().bind("offsets", new AtomicFileStateRepository(file));
        consume(streamUri("limit=10&offsetRepository=#offsets"));
        await().until(() -> received.size() >= 100);
        context.stop();
        int beforeRestart = received.size();
        assertThat(Files.readString(file)).contains("=" + received.get(beforeRestart - 1).replace(":", "%3A"));

        try (CamelContext second = new DefaultCamelContext()) {
            useTestCredentials(second);
            second.getRegistry().bind("offsets", new AtomicFileStateRepository(file));
            second.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(streamUri("limit=10&offsetRepository=#offsets")).process(e -> received.add(position(e)));
                }
            });
            second.start();

            await().until(() -> received.size() >= 400);
        }

        assertThat(received).containsExactlyElementsOf(positionsOfPeople(1, 200));
    }
}
