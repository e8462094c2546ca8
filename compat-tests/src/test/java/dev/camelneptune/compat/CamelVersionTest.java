package dev.camelneptune.compat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The components' tests in this module prove something only if they run on the other Camel version: this one fails when
 * the camel-bom override in the pom stops taking effect.
 */
class CamelVersionTest {

    @Test
    void theClasspathCarriesTheCompatCamelVersion() throws Exception {
        String expected = System.getProperty("compat.camel.version");
        assertThat(expected).as("compat.camel.version set by the pom").isNotBlank();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertThat(context.getVersion()).isEqualTo(expected);
        }
    }
}
