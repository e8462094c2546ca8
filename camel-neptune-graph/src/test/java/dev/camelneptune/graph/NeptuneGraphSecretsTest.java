package dev.camelneptune.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.camelneptune.local.tasks.NewTask;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Credentials never show in logs (component at TRACE, Camel and the SDK at DEBUG), toString() or failures. */
class NeptuneGraphSecretsTest extends NeptuneGraphTestSupport {

    private static final String ACCESS_KEY = "AKIAACCESSKEYVALUE42";
    private static final String SECRET_KEY = "SecretKeyValueThatMustNotLeak42";
    private static final String SESSION_TOKEN = "SessionTokenValueThatMustNotLeak42";

    private ListAppender captured;

    @BeforeEach
    void captureLogs() {
        captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        captured.clear();
    }

    private String secretUri(String operation, String options) {
        return "neptune-graph:tasks?operation=" + operation + "&region=us-east-1&useSessionCredentials=true"
                + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&sessionToken=RAW(" + SESSION_TOKEN + ")"
                + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint() + options;
    }

    @Test
    void secretsStayOutOfLogsToStringAndFailures() throws Exception {
        String id = neptune.tasks().create(NewTask.importTask());
        List<String> seen = new ArrayList<>();

        Exchange ok = send(secretUri("getImportTask", ""), Map.of(TASK_IDENTIFIER, id));
        Exchange notFound = send(secretUri("getImportTask", ""), Map.of(TASK_IDENTIFIER, "t-0123456789"));
        Exchange badInput = send(secretUri("getImportTask", ""), Map.of(TASK_IDENTIFIER, "t-abc"));
        Throwable badOption = catchThrowable(() -> context.getEndpoint(secretUri("getImportTask", "&maxResults=0")));
        NeptuneGraphEndpoint endpoint = context.getEndpoint(secretUri("getImportTask", ""), NeptuneGraphEndpoint.class);
        Producer producer = endpoint.createProducer();

        assertThat(ok.getException()).isNull();
        seen.add(describe(notFound.getException()));
        seen.add(describe(badInput.getException()));
        seen.add(describe(badOption));
        seen.add(endpoint.toString());
        seen.add(endpoint.getConfiguration().toString());
        seen.add(producer.toString());
        seen.addAll(captured.getMessages());

        assertThat(captured.getMessages()).as("something was logged").isNotEmpty();
        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN));
    }

    /** The message of the failure and of every cause. */
    private static String describe(Throwable failure) {
        assertThat(failure).isNotNull();
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
