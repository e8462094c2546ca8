package dev.camelneptune.docs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogTablesTest {

    private static String tiny() throws IOException {
        try (InputStream in = CatalogTablesTest.class.getResourceAsStream("/tiny-component.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void rendersOneRowPerOptionAndHeaderInItsSection() throws IOException {
        String doc = CatalogTables.fromJson(tiny()).asciidoc();

        assertThat(doc).contains("The Tiny component supports 1 options")
                .contains("==== Path Parameters (1 parameters)")
                .contains("==== Query Parameters (2 parameters)")
                .contains("The Tiny component supports 1 message headers")
                .contains("| *name* (common) | *Required* A name |  | String\n")
                .contains("| *timeout* (producer) | How long | 1000 | Duration\n")
                .contains("| *CamelTinyId* (producer) +\n`Constant: ID` | The id |  | String\n")
                .contains("Enum values:\n\n* fast\n* slow");
    }

    @Test
    void escapesCellSeparatorsAndFlagsSecrets() throws IOException {
        String doc = CatalogTables.fromJson(tiny()).asciidoc();

        assertThat(doc).contains("The key \\| not shown This option is a secret");
    }
}
