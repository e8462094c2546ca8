package dev.camelneptune.graph;

import java.util.Map;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static org.assertj.core.api.Assertions.assertThat;

/** A Camel context and a neptune-local on a free port with a manual clock, talked to over HTTP by the real client. */
abstract class NeptuneGraphTestSupport extends CamelTestSupport {

    protected final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();

    @AfterEach
    void stopNeptune() {
        neptune.close();
    }

    /** An endpoint URI pointed at neptune-local with static credentials, plus {@code options}. */
    protected String uri(String operation, String options) {
        return "neptune-graph:tasks?operation=" + operation + "&region=us-east-1&accessKey=local&secretKey=local"
               + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint() + options;
    }

    protected String uri(String operation) {
        return uri(operation, "");
    }

    protected Exchange send(String uri, Map<String, Object> headers) {
        return send(uri, null, headers);
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    /** Sends, and asserts the exchange failed before any request reached neptune-local. */
    protected Exception failsBeforeAnyRequest(String uri, Object body, Map<String, Object> headers) {
        long before = neptune.requestCount();
        Exchange exchange = send(uri, body, headers);
        assertThat(exchange.getException()).as("the exchange failed").isNotNull();
        assertThat(neptune.requestCount()).as("HTTP requests made").isEqualTo(before);
        return exchange.getException();
    }
}
