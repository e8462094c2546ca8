package dev.camelneptune.reliability;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TLS certificate checks are on by default in both components: against a neptune-local serving HTTPS with a throw-away
 * self-signed certificate (made by the JDK's keytool for this run, valid for 127.0.0.1), the stream consumer delivers
 * nothing and its health goes DOWN with the handshake failure as the reason, and the graph producer's call fails with
 * the SDK's SSL error; no request reaches the server. With {@code trustAllCertificates=true} both work (and warn, which
 * {@link SecurityTest} checks in detail).
 */
class TlsTest extends NeptuneLocalCamelTestSupport {

    private static final int RECORDS = 300;
    /** What the JDK says when no trusted certificate vouches for the server's. */
    private static final String UNTRUSTED = "unable to find valid certification path to requested target";

    @TempDir
    static Path dir;
    private static KeyStore keyStore;
    private static SSLContext serverTls;

    /** A self-signed certificate for 127.0.0.1, made by the JDK's keytool in a temporary keystore for this run only. */
    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        Path file = dir.resolve("neptune-local.p12");
        char[] password = UUID.randomUUID().toString().toCharArray();
        Process keytool = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "neptune-local", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=neptune-local", "-ext", "SAN=ip:127.0.0.1", "-validity", "1",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(keytool.exitValue()).as("keytool: " + output).isZero();

        keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            keyStore.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore, password);
        serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
    }

    @Override
    protected NeptuneLocal startNeptune() {
        NeptuneLocal neptune = NeptuneLocal.builder().manualClock().https(serverTls).start();
        neptune.stream().propertyGraph().preload(RECORDS);
        neptune.tasks().createImportTasks(3);
        return neptune;
    }

    private void consumeOverTls(String options) throws Exception {
        consume("neptune-stream:" + neptune.endpoint() + "?limit=100&delay=20&region=us-east-1"
                + "&accessKey=local&secretKey=local" + options);
    }

    private Exchange listImportTasks(String options) {
        return template.send("neptune-graph:tasks?operation=listImportTasks&region=us-east-1&accessKey=local"
                             + "&secretKey=local&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint()
                             + options,
                e -> {
                });
    }

    /** The log as a client that trusts exactly this certificate (not every certificate) reads it. */
    private List<String> logReadTrustingTheCertificate() throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keyStore);
        return StreamLog.read(neptune.endpoint(), builder -> builder.httpClientBuilder(
                ApacheHttpClient.builder().tlsTrustManagersProvider(trust::getTrustManagers)));
    }

    @Test
    void streamConsumerRejectsTheSelfSignedCertificateByDefaultAndItsHealthSaysWhy() throws Exception {
        consumeOverTls("");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HealthCheck.Result result = health();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getError()).hasValueSatisfying(e -> assertThat(e).isInstanceOf(SdkClientException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class).hasMessageContaining(UNTRUSTED));
        });
        assertThat(received).isEmpty();
        assertThat(neptune.requestCount()).as("no request got past the handshake").isZero();
    }

    @Test
    void streamConsumerWithTrustAllCertificatesDeliversTheWholeLogAndWarns() throws Exception {
        List<String> log = logReadTrustingTheCertificate();
        assertThat(log).hasSize(RECORDS);

        consumeOverTls("&trustAllCertificates=true");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= RECORDS);
        assertThat(received).containsExactlyElementsOf(log);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(captured.getMessages()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("trustAllCertificates=true: the TLS certificate", neptune.endpoint().toString()));
    }

    @Test
    void graphProducerRejectsTheSelfSignedCertificateByDefault() {
        Exchange failed = listImportTasks("");

        assertThat(failed.getException()).isInstanceOf(SdkClientException.class)
                .hasCauseInstanceOf(SSLHandshakeException.class).hasMessageContaining(UNTRUSTED);
        assertThat(neptune.requestCount()).as("no request got past the handshake").isZero();
    }

    @Test
    void graphProducerWithTrustAllCertificatesSucceedsAndWarns() {
        Exchange exchange = listImportTasks("&trustAllCertificates=true");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(ListImportTasksResponse.class).tasks()).hasSize(3);
        assertThat(captured.getMessages()).anySatisfy(line -> assertThat(line).startsWith("WARN")
                .contains("trustAllCertificates=true: the TLS certificate of the neptune-graph endpoint",
                        neptune.endpoint().toString()));
    }
}
