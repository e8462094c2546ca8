package dev.camelneptune.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code truncateNext}: a complete HTTP answer whose body is cut in half, so the JSON ends too early. */
class TruncatedBodyFaultTest {

    private final NeptuneLocal neptune = NeptuneLocal.builder().manualClock().start();

    @AfterEach
    void stop() {
        neptune.close();
    }

    @Test
    void nextAnswerIsHalfItsBodyThenServingIsNormalAgain() throws Exception {
        neptune.stream().propertyGraph().preload(10);
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest
                .newBuilder(URI.create(neptune.endpoint() + "/propertygraph/stream?iteratorType=TRIM_HORIZON&limit=10"))
                .build();
        neptune.faults().truncateNext(1);

        HttpResponse<String> truncated = http.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> whole = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(truncated.statusCode()).isEqualTo(200);
        assertThat(whole.body()).startsWith(truncated.body()).endsWith("}");
        assertThat(truncated.body().length()).isEqualTo(whole.body().length() / 2);
        assertThat(Json.MAPPER.readTree(whole.body()).get("records").size()).isEqualTo(10);
    }
}
