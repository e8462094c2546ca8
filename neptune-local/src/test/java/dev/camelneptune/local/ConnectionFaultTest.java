package dev.camelneptune.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code resetNext} and {@code cutNext} break exactly the requests they were queued for: the next request on the same
 * API is answered normally (a fault's mode must not stick to the API's context for later exchanges).
 */
class ConnectionFaultTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        neptune.close();
    }

    @Test
    void aResetClosesOneConnectionWithoutAnswerThenServingIsNormalAgain() throws Exception {
        // two: the JDK client retries a GET once on a connection closed before any answer
        neptune.faults().resetNext(2);

        assertThatThrownBy(() -> get("/importtasks")).isInstanceOf(IOException.class);
        assertThat(neptune.faults().pendingCount()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/importtasks").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCutBodyDropsOneConnectionMidwayThenServingIsNormalAgain() throws Exception {
        neptune.stream().propertyGraph().preload(10);
        neptune.faults().cutNext(1);

        assertThatThrownBy(() -> get("/propertygraph/stream?iteratorType=TRIM_HORIZON")).isInstanceOf(IOException.class);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> whole = get("/propertygraph/stream?iteratorType=TRIM_HORIZON");
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(whole.body()).get("totalRecords").asInt()).isEqualTo(10);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(neptune.endpoint() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
