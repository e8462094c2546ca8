package dev.camelneptune.examples.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * camel-spring-boot-bom manages the AWS SDK too (a newer one than the components are built with): the pom imports the
 * SDK's own BOM first, so the app runs one SDK version, the components' one, not a mix.
 */
class OneSdkVersionTest {

    private static final String[] SDK_MODULES = {
            "neptunegraph", "neptunedata", "sdk-core", "aws-core", "regions", "auth", "http-auth-aws", "http-client-spi",
            "apache-client", "utils", "protocol-core", "aws-json-protocol", "endpoints-spi", "identity-spi" };

    @Test
    void everySdkModuleOnTheClasspathIsTheComponentsVersion() {
        Map<String, String> versions = new TreeMap<>();
        for (String module : SDK_MODULES) {
            URL pom = Thread.currentThread().getContextClassLoader()
                    .getResource("META-INF/maven/software.amazon.awssdk/" + module + "/pom.properties");
            assertThat(pom).as("%s on the classpath", module).isNotNull();
            versions.put(module, version(pom));
        }
        assertThat(versions.values()).as("SDK versions: %s", versions).containsOnly(System.getProperty("aws-sdk.version"));
    }

    private static String version(URL pomProperties) {
        Properties properties = new Properties();
        try (InputStream in = pomProperties.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
