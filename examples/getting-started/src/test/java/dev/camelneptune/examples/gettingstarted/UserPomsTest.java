package dev.camelneptune.examples.gettingstarted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The poms README shows a user (the new projects here, the Spring Boot and Quarkus examples) stand alone, so they carry
 * their versions themselves: the project's own, and the Camel, Spring Boot and AWS SDK it is built with.
 */
class UserPomsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "java-dsl/pom.xml, camel-neptune.version, project.version",
            "java-dsl/pom.xml, camel.version, camel.version",
            "yaml-dsl/pom.xml, camel-neptune.version, project.version",
            "yaml-dsl/pom.xml, camel.version, camel.version",
            "../spring-boot/pom.xml, camel-neptune.version, project.version",
            "../spring-boot/pom.xml, camel.version, camel.version",
            "../spring-boot/pom.xml, spring-boot.version, spring-boot.version",
            "../spring-boot/pom.xml, aws-sdk.version, aws-sdk.version",
            "../quarkus/pom.xml, camel-neptune.version, project.version",
            "../quarkus/pom.xml, aws-sdk.version, aws-sdk.version" })
    void aVersionInAUsersPomIsTheOneOfTheBuild(String pom, String property, String buildProperty) throws IOException {
        String text = Files.readString(Path.of(pom), StandardCharsets.UTF_8);
        Matcher value = Pattern.compile("<" + Pattern.quote(property) + ">([^<]+)</").matcher(text);

        assertThat(value.find()).as("%s sets %s", pom, property).isTrue();
        assertThat(value.group(1)).as("%s in %s", property, pom).isEqualTo(System.getProperty(buildProperty));
    }
}
