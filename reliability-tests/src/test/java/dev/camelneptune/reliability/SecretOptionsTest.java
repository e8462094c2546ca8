package dev.camelneptune.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelneptune.common.NeptuneAwsConfiguration;
import dev.camelneptune.graph.NeptuneGraphConstants;
import dev.camelneptune.graph.NeptuneGraphEndpoint;
import dev.camelneptune.local.NeptuneLocal;
import dev.camelneptune.local.tasks.NewTask;
import dev.camelneptune.stream.NeptuneStreamEndpoint;
import org.apache.camel.CatalogCamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.EndpointUriFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/**
 * The credentials of both components ({@code accessKey}, {@code secretKey}, {@code sessionToken}) are secret options,
 * and never show. Camel masks these three names in URIs and logs by name whatever the catalog says, so what
 * {@code secret=true} adds, and what fails without it, is the catalog's flag (which tooling and the docs read) and the
 * URI factory's handling of a secret when a URI is built from options, as the YAML DSL's {@code parameters:} and the
 * endpoint DSL do: the value goes in {@code RAW(...)}, so an AWS secret key with {@code +}, {@code /} or {@code &}
 * arrives intact.
 */
class SecretOptionsTest extends NeptuneLocalCamelTestSupport {

    private static final Set<String> SECRETS = Set.of("accessKey", "secretKey", "sessionToken");
    private static final String ACCESS_KEY = "AKIAREALLOOKINGKEY42";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY&NotShown42";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEPT+SessionTokenNotShown42";

    @Override
    protected NeptuneLocal startNeptune() {
        return NeptuneLocal.builder().requireSigV4().start();
    }

    @ParameterizedTest
    @ValueSource(strings = { "neptune-graph", "neptune-stream" })
    void theCatalogMarksExactlyTheCredentialsSecret(String scheme) throws Exception {
        JsonNode catalog = new ObjectMapper().readTree(
                ((CatalogCamelContext) context).getComponentParameterJsonSchema(scheme));

        for (String kind : List.of("componentProperties", "properties")) {
            Set<String> secret = new TreeSet<>();
            catalog.path(kind).properties().forEach(e -> {
                if (e.getValue().path("secret").asBoolean()) {
                    secret.add(e.getKey());
                }
            });
            assertThat(secret).as("%s %s marked secret", scheme, kind).isEqualTo(new TreeSet<>(SECRETS));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "neptune-graph", "neptune-stream" })
    void aUriBuiltFromOptionsCarriesEverySecretIntact(String scheme) throws Exception {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory(scheme);
        Map<String, Object> options = new LinkedHashMap<>();
        options.put(scheme.equals("neptune-graph") ? "label" : "endpoint",
                scheme.equals("neptune-graph") ? "tasks" : neptune.endpoint().toString());
        options.put("region", "us-east-1");
        options.put("useSessionCredentials", "true");
        options.put("accessKey", ACCESS_KEY + "+/&x=1");
        options.put("secretKey", SECRET_KEY);
        options.put("sessionToken", SESSION_TOKEN);

        // as the YAML DSL builds a URI from its parameters: map
        String uri = factory.buildUri(scheme, options, false);
        Endpoint endpoint = context.getEndpoint(uri);

        assertThat(factory.secretPropertyNames()).isEqualTo(SECRETS);
        NeptuneAwsConfiguration configuration = endpoint instanceof NeptuneGraphEndpoint graph
                ? graph.getConfiguration() : ((NeptuneStreamEndpoint) endpoint).getConfiguration();
        assertThat(configuration.getAccessKey()).isEqualTo(ACCESS_KEY + "+/&x=1");
        assertThat(configuration.getSecretKey()).isEqualTo(SECRET_KEY);
        assertThat(configuration.getSessionToken()).isEqualTo(SESSION_TOKEN);
        assertThat(endpoint.toString()).doesNotContain(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN);
    }

    @Test
    void producerSecretsStayOutOfLogsToStringAndFailures() throws Exception {
        try (NeptuneLocal analytics = NeptuneLocal.start()) {
            String id = analytics.tasks().create(NewTask.importTask());
            String uri = secretUri("neptune-graph:tasks?operation=getImportTask&overrideEndpoint=true"
                                   + "&uriEndpointOverride=" + analytics.endpoint());

            Exchange ok = template.send(uri, e -> e.getMessage().setHeader(NeptuneGraphConstants.TASK_IDENTIFIER, id));
            Exchange notFound = template.send(uri,
                    e -> e.getMessage().setHeader(NeptuneGraphConstants.TASK_IDENTIFIER, "t-0123456789"));
            Exchange badInput = template.send(uri,
                    e -> e.getMessage().setHeader(NeptuneGraphConstants.TASK_IDENTIFIER, "t-abc"));
            Throwable badOption = catchThrowable(() -> context.getEndpoint(uri + "&maxResults=0"));
            Endpoint endpoint = context.getEndpoint(uri);

            assertThat(ok.getException()).isNull();
            List<String> seen = new ArrayList<>(captured.getMessages());
            seen.add(describe(notFound.getException()));
            seen.add(describe(badInput.getException()));
            seen.add(describe(badOption));
            seen.add(endpoint.toString());
            seen.add(endpoint.createProducer().toString());
            assertThat(captured.getMessages()).as("something was logged").isNotEmpty();
            assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
        }
    }

    @Test
    void consumerSecretsStayOutOfLogsToStringHealthAndFailures() throws Exception {
        neptune.stream().propertyGraph().preload(500);
        consume(secretUri("neptune-stream:" + neptune.endpoint() + "?limit=100&delay=20"));
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 500);
        neptune.faults().failNext(8);
        neptune.stream().propertyGraph().preload(10);
        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 510);
        Throwable badOption = catchThrowable(
                () -> context.getEndpoint(secretUri("neptune-stream:" + neptune.endpoint() + "?limit=0")));

        List<String> seen = new ArrayList<>(captured.getMessages());
        seen.add(describe(badOption));
        seen.add(context.getRoute("stream").getEndpoint().toString());
        // (getEndpointUri() is the raw URI, secrets included, as for every Camel endpoint: it is never logged)
        seen.add(context.getRoute("stream").getConsumer().toString());
        seen.add(health().getDetails().toString());
        assertThat(captured.getMessages()).as("the failed polls were logged, with the endpoint URI")
                .anySatisfy(line -> assertThat(line).startsWith("WARN").contains("accessKey=xxxxxx"));
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
    }

    /** {@code uri} with session credentials (sent signed, so neptune-local's SigV4 check passes). */
    private static String secretUri(String uri) {
        return uri + (uri.contains("?") ? "&" : "?") + "region=us-east-1&useSessionCredentials=true&accessKey=RAW("
               + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")";
    }

    /** The failure and every cause, as text. */
    private static String describe(Throwable failure) {
        assertThat(failure).isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
