package dev.camelneptune.graph;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.Exchange;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.test.appender.ListAppender;
import org.junit.jupiter.api.Test;

import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's bodies convert to the JSON neptune-local serves for the same request: the service's wire JSON, member
 * names as the wire has them. Each expectation is read from neptune-local over plain HTTP, not written here.
 */
class NeptuneGraphJsonTest extends NeptuneGraphTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aTaskConvertsToTheJsonTheServiceSent() throws Exception {
        String id = runningImport();

        Exchange exchange = send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, id));

        String json = exchange.getMessage().getBody(String.class);
        assertThat(MAPPER.readTree(json)).isEqualTo(wire("/importtasks/" + id));
        assertThat(json).contains("\"importTaskDetails\":{").contains("\"progressPercentage\":40");
    }

    @Test
    void anExportTaskAndAListPageConvertToTheirWireJsonToo() throws Exception {
        String export = neptune.tasks().create(NewTask.exportTask());
        runningImport();
        runningImport();

        Exchange task = send(uri("getExportTask"), Map.of(TASK_IDENTIFIER, export));
        Exchange page = send(uri("listImportTasks", "&maxResults=1"), Map.of());

        assertThat(MAPPER.readTree(task.getMessage().getBody(String.class))).isEqualTo(wire("/exporttasks/" + export));
        JsonNode sent = wire("/importtasks?maxResults=1");
        assertThat(sent.get("nextToken")).as("the page has a next-page token").isNotNull();
        assertThat(MAPPER.readTree(page.getMessage().getBody(String.class))).isEqualTo(sent);
    }

    @Test
    void aTaskConvertsToAMapForTheSimpleLanguageAndJackson() throws Exception {
        String id = runningImport();

        Exchange exchange = send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, id));

        Map<?, ?> map = exchange.getMessage().getBody(Map.class);
        assertThat(MAPPER.readTree(MAPPER.writeValueAsString(map))).as("the map as Jackson (marshal().json()) writes it")
                .isEqualTo(wire("/importtasks/" + id));
        exchange.getMessage().setBody(map);
        assertThat(context.resolveLanguage("simple")
                .createExpression("${body[importTaskDetails][progressPercentage]}").evaluate(exchange, String.class))
                .isEqualTo("40");
    }

    @Test
    void everyTaskOfAllPagesConvertsToAJsonArrayOfTheSummaries() throws Exception {
        for (int i = 0; i < 3; i++) {
            runningImport();
        }

        Exchange exchange = send(uri("listImportTasks", "&allPages=true&maxResults=2"), Map.of());

        ArrayNode expected = MAPPER.createArrayNode();
        wire("/importtasks?maxResults=100").get("tasks").forEach(expected::add);
        assertThat(expected).hasSize(3);
        assertThat(MAPPER.readTree(exchange.getMessage().getBody(String.class))).isEqualTo(expected);
    }

    /**
     * The route a YAML user writes, with no Java (src/test/resources/routes/tasks-to-file.yaml, the component page's
     * example): the task list to a file, and a task to the log.
     */
    @Test
    void aYamlRouteWritesTheTasksToAFileAndATaskToTheLog() throws Exception {
        String id = runningImport();
        runningImport();
        ListAppender captured = LoggerContext.getContext(false).getConfiguration().getAppender("captured");
        captured.clear();
        Path tasks = Path.of("target", "tasks", "tasks.json");
        Files.deleteIfExists(tasks);
        NeptuneGraphConfiguration component = context.getComponent("neptune-graph", NeptuneGraphComponent.class)
                .getConfiguration();
        component.setOverrideEndpoint(true);
        component.setUriEndpointOverride(neptune.endpoint().toString());
        // the default credentials provider chain reads these system properties first
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:routes/tasks-to-file.yaml"));

            template.sendBody("direct:tasks", null);
            template.sendBodyAndHeader("direct:task", null, TASK_IDENTIFIER, id);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }

        assertThat(MAPPER.readTree(Files.readString(tasks))).isEqualTo(wire("/importtasks").get("tasks"));
        String logged = captured.getMessages().stream().filter(line -> line.startsWith("INFO  task - "))
                .findFirst().orElseThrow();
        String body = logged.substring(logged.indexOf("Body: ") + "Body: ".length(), logged.lastIndexOf(']'));
        assertThat(MAPPER.readTree(body)).isEqualTo(wire("/importtasks/" + id));
    }

    @Test
    void aTaskSummaryConvertsOnItsOwnToo() throws Exception {
        String id = runningImport();

        Exchange exchange = send(uri("listImportTasks", "&allPages=true"), Map.of());

        List<?> tasks = exchange.getMessage().getBody(List.class);
        String summary = context.getTypeConverter().convertTo(String.class, tasks.get(0));
        assertThat(MAPPER.readTree(summary)).isEqualTo(wire("/importtasks").get("tasks").get(0));
        assertThat(summary).contains("\"taskId\":\"" + id + "\"");
    }

    /** An import task 40% done, with counters and an elapsed time set. */
    private String runningImport() {
        String id = neptune.tasks().create(NewTask.importTask().graph("g-0000000001")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(100)));
        neptune.clock().advance(Duration.ofSeconds(40));
        return id;
    }

    /** What neptune-local serves at {@code path}, read over plain HTTP. */
    private JsonNode wire(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(neptune.endpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }
}
