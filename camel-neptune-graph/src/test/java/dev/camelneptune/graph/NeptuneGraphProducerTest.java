package dev.camelneptune.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelneptune.local.tasks.NewTask;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.neptunegraph.model.CancelExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.CancelImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ExportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskRequest;
import software.amazon.awssdk.services.neptunegraph.model.GetExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.GetImportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.ImportTaskSummary;
import software.amazon.awssdk.services.neptunegraph.model.ListExportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksRequest;
import software.amazon.awssdk.services.neptunegraph.model.ListImportTasksResponse;
import software.amazon.awssdk.services.neptunegraph.model.ResourceNotFoundException;
import software.amazon.awssdk.services.neptunegraph.model.StartExportTaskResponse;
import software.amazon.awssdk.services.neptunegraph.model.StartImportTaskResponse;

import static dev.camelneptune.graph.NeptuneGraphConstants.GRAPH_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.MAX_RESULTS;
import static dev.camelneptune.graph.NeptuneGraphConstants.NEXT_TOKEN;
import static dev.camelneptune.graph.NeptuneGraphConstants.OPERATION;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_IDENTIFIER;
import static dev.camelneptune.graph.NeptuneGraphConstants.TASK_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

/** Each operation against neptune-local, with inputs from headers, options or the request object. */
class NeptuneGraphProducerTest extends NeptuneGraphTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").to(uri("listImportTasks", "&allPages=true"));
            }
        };
    }

    @Test
    void getImportTaskAnswersWithTheTaskAndItsStatus() {
        String id = neptune.tasks().create(NewTask.importTask().graph("g-0000000001")
                .phases(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(100)));
        neptune.clock().advance(Duration.ofSeconds(40));

        Exchange exchange = send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, id));

        GetImportTaskResponse task = exchange.getMessage().getBody(GetImportTaskResponse.class);
        assertThat(task.taskId()).isEqualTo(id);
        assertThat(task.graphId()).isEqualTo("g-0000000001");
        assertThat(task.importTaskDetails().progressPercentage()).isEqualTo(40);
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("IMPORTING");
    }

    @Test
    void getExportTaskAnswersWithTheTaskAndItsStatus() {
        String id = neptune.tasks().create(NewTask.exportTask());

        Exchange exchange = send(uri("getExportTask"), Map.of(TASK_IDENTIFIER, id));

        assertThat(exchange.getMessage().getBody(GetExportTaskResponse.class).taskId()).isEqualTo(id);
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("INITIALIZING");
    }

    @Test
    void listImportTasksPagesWithTheNextTokenHeader() {
        List<String> ids = neptune.tasks().createImportTasks(5);

        Exchange first = send(uri("listImportTasks"), Map.of(MAX_RESULTS, 2));
        Exchange second
                = send(uri("listImportTasks"), Map.of(MAX_RESULTS, 2, NEXT_TOKEN, first.getMessage().getHeader(NEXT_TOKEN)));
        Exchange last
                = send(uri("listImportTasks"), Map.of(MAX_RESULTS, 2, NEXT_TOKEN, second.getMessage().getHeader(NEXT_TOKEN)));

        assertThat(taskIds(first)).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(taskIds(second)).containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(taskIds(last)).containsExactly(ids.get(4));
        assertThat(last.getMessage().getHeader(NEXT_TOKEN)).as("no next page").isNull();
    }

    @Test
    void listImportTasksWithAllPagesReturnsEveryOneOf250Tasks() {
        List<String> ids = neptune.tasks().createImportTasks(250);

        List<?> tasks = template.requestBody("direct:x", null, List.class);

        assertThat(tasks).hasSize(250);
        assertThat(tasks).extracting(t -> ((ImportTaskSummary) t).taskId()).containsExactlyElementsOf(ids);
        assertThat(neptune.requestCount()).as("three pages of 100").isEqualTo(3);
    }

    @Test
    void listExportTasksFiltersByGraphAndFollowsAllPages() {
        for (int i = 0; i < 3; i++) {
            neptune.tasks().create(NewTask.exportTask().graph("g-00000000aa"));
        }
        neptune.tasks().create(NewTask.exportTask().graph("g-00000000bb"));

        Exchange page = send(uri("listExportTasks"), Map.of(GRAPH_IDENTIFIER, "g-00000000aa", MAX_RESULTS, 2));
        Exchange all = send(uri("listExportTasks", "&allPages=true&maxResults=1"), Map.of(GRAPH_IDENTIFIER, "g-00000000aa"));

        assertThat(page.getMessage().getBody(ListExportTasksResponse.class).tasks()).hasSize(2);
        assertThat(page.getMessage().getHeader(NEXT_TOKEN)).isNotNull();
        assertThat(all.getMessage().getBody(List.class)).hasSize(3)
                .allSatisfy(t -> assertThat(((ExportTaskSummary) t).graphId()).isEqualTo("g-00000000aa"));
    }

    @Test
    void startImportTaskStartsATaskFromOptionsAndHeaders() {
        neptune.graphs().create("g-0000000007");
        Exchange exchange = send(uri("startImportTask", "&roleArn=arn:aws:iam::123456789012:role/Import&format=OPEN_CYPHER"),
                Map.of(GRAPH_IDENTIFIER, "g-0000000007", NeptuneGraphConstants.SOURCE, "s3://bucket/in/"));

        StartImportTaskResponse started = exchange.getMessage().getBody(StartImportTaskResponse.class);
        assertThat(started.taskId()).matches("t-[a-z0-9]{10}");
        assertThat(exchange.getMessage().getHeader(TASK_STATUS)).isEqualTo("INITIALIZING");
        assertThat(neptune.tasks().get(started.taskId()).graphId()).isEqualTo("g-0000000007");
        assertThat(started.formatAsString()).isEqualTo("OPEN_CYPHER");
    }

    @Test
    void startExportTaskStartsATask() {
        neptune.graphs().create("g-0000000008");
        Exchange exchange = send(uri("startExportTask", "&roleArn=arn:aws:iam::123456789012:role/Export&format=CSV"
                                                        + "&destination=s3://bucket/out/&kmsKeyIdentifier="
                                                        + NewTask.DEFAULT_KMS_KEY),
                Map.of(GRAPH_IDENTIFIER, "g-0000000008"));

        StartExportTaskResponse started = exchange.getMessage().getBody(StartExportTaskResponse.class);
        assertThat(neptune.tasks().get(started.taskId()).kind().name()).isEqualTo("EXPORT");
        assertThat(started.destination()).isEqualTo("s3://bucket/out/");
    }

    @Test
    void cancelOperationsCancelTheTask() {
        String importId = neptune.tasks().create(NewTask.importTask());
        String exportId = neptune.tasks().create(NewTask.exportTask());

        Exchange cancelImport = send(uri("cancelImportTask"), Map.of(TASK_IDENTIFIER, importId));
        Exchange cancelExport = send(uri("cancelExportTask"), Map.of(TASK_IDENTIFIER, exportId));

        assertThat(cancelImport.getMessage().getBody(CancelImportTaskResponse.class).statusAsString()).isEqualTo("CANCELLING");
        assertThat(cancelExport.getMessage().getBody(CancelExportTaskResponse.class).statusAsString()).isEqualTo("CANCELLING");
        assertThat(neptune.tasks().get(importId).status()).isEqualTo("CANCELLING");
    }

    @Test
    void headersOverrideTheSameNamedOptions() {
        String optionTask = neptune.tasks().create(NewTask.importTask());
        String headerTask = neptune.tasks().create(NewTask.importTask());
        String optionUri = uri("getExportTask", "&taskIdentifier=" + optionTask);

        Exchange exchange = send(optionUri, Map.of(OPERATION, "getImportTask", TASK_IDENTIFIER, headerTask));
        Exchange fromOption = send(optionUri, Map.of(OPERATION, NeptuneGraphOperations.getImportTask));

        assertThat(exchange.getMessage().getBody(GetImportTaskResponse.class).taskId()).isEqualTo(headerTask);
        assertThat(fromOption.getMessage().getBody(GetImportTaskResponse.class).taskId()).isEqualTo(optionTask);
    }

    @Test
    void pojoRequestSendsTheBodyAsTheRequest() {
        String id = neptune.tasks().create(NewTask.exportTask());
        List<String> imports = neptune.tasks().createImportTasks(3);

        Exchange get
                = send(uri("getExportTask", "&pojoRequest=true"), GetExportTaskRequest.builder().taskIdentifier(id).build(),
                        Map.of(TASK_IDENTIFIER, "t-0000000000"));
        Exchange list
                = send(uri("listImportTasks", "&pojoRequest=true"), ListImportTasksRequest.builder().maxResults(2).build(),
                        Map.of());

        assertThat(get.getMessage().getBody(GetExportTaskResponse.class).taskId()).isEqualTo(id);
        assertThat(taskIds(list)).containsExactlyElementsOf(imports.subList(0, 2));
    }

    @Test
    void unknownTaskFailsTheExchangeWithResourceNotFound() {
        Exchange exchange = send(uri("getImportTask"), Map.of(TASK_IDENTIFIER, "t-0123456789"));

        assertThat(exchange.getException()).isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("t-0123456789");
        assertThat(((ResourceNotFoundException) exchange.getException()).statusCode()).isEqualTo(404);
    }

    private static List<String> taskIds(Exchange exchange) {
        return exchange.getMessage().getBody(ListImportTasksResponse.class).tasks().stream().map(ImportTaskSummary::taskId)
                .toList();
    }
}
