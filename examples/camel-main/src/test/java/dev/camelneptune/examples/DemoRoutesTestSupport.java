package dev.camelneptune.examples;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelneptune.examples.NeptuneDemo.Dsl;
import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.InterceptSendToMockEndpointStrategy;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the demo's routes in one DSL with Camel Main, wired exactly as the demo command wires them, against a
 * neptune-local on a free port whose clock only the test moves. What the routes print goes to {@code log:} endpoints;
 * the test copies every such message to a mock endpoint and reads the lines there.
 */
abstract class DemoRoutesTestSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int BACKLOG = 3_000;

    private NeptuneLocal neptune;
    private Main main;

    abstract Dsl dsl();

    @BeforeEach
    void startNeptune() {
        neptune = NeptuneLocal.builder().manualClock().start();
        neptune.seedDemo();
        NeptuneDemo.addBacklog(neptune, BACKLOG);
    }

    /** Starts Camel Main as the demo does; the import route waits for the clock, so only its own test turns it on. */
    private void startDemo(boolean importRoute) {
        main = NeptuneDemo.newMain(dsl());
        NeptuneDemo.pointAt(main, neptune);
        main.addOverrideProperty("demo.import.enabled", String.valueOf(importRoute));
        main.addOverrideProperty("camel.main.shutdownTimeout", "5");
        main.addOverrideProperty("demo.import.pollPeriod", "20");
        main.addOverrideProperty("demo.throughputPeriod", "100");
        main.addOverrideProperty("neptune.stream.limit", "500");
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport m) {
                m.getCamelContext().getCamelContextExtension()
                        .registerEndpointCallback(new InterceptSendToMockEndpointStrategy("log:*"));
            }
        });
        main.start();
    }

    @AfterEach
    void stopDemo() {
        if (main != null) {
            main.stop();
        }
        if (neptune != null) {
            neptune.close();
        }
    }

    @Test
    void importRouteListsTheTasksStartsOneAndFollowsItToSucceeded() {
        startDemo(true);
        await().atMost(PATIENCE).until(() -> lines("import").stream().anyMatch(l -> l.startsWith("started ")));
        String taskId = taskIdOf(lines("import").stream().filter(l -> l.startsWith("started ")).findFirst().orElseThrow());

        // the task moves only when the clock does: 5 s at a time, until the route logs its end
        await().atMost(PATIENCE).until(() -> {
            neptune.clock().advance(Duration.ofSeconds(5));
            return lines("import").contains("task " + taskId + " SUCCEEDED");
        });

        List<String> lines = lines("import");
        assertThat(lines.subList(0, 4)).containsExactly(
                "task t-demo000001 on g-demo000001: SUCCEEDED",
                "task t-demo000002 on g-demo000002: IMPORTING",
                "task t-demo000003 on g-demo000003: INITIALIZING",
                "task t-demo000004 on g-demo000004: FAILED");
        assertThat(lines.get(4)).isEqualTo("started " + taskId + " on " + NeptuneDemo.DEMO_GRAPH + ": INITIALIZING");
        List<Integer> progress = lines.stream().filter(l -> l.startsWith("task " + taskId + ": IMPORTING "))
                .map(l -> Integer.parseInt(l.replaceAll(".* (\\d+)%$", "$1"))).toList();
        assertThat(progress).as("progressPercentage while IMPORTING, logged as it moves").hasSizeGreaterThan(1)
                .isSorted().doesNotHaveDuplicates();
        assertThat(lines).contains("task " + taskId + ": SUCCEEDED 100%");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("task " + taskId + " SUCCEEDED");
        assertThat(neptune.tasks().get(taskId).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void changeLogRoutePrintsEachChangeInOrderAndOneSummaryPerTransaction() {
        startDemo(false);
        long commits = neptune.stream().propertyGraph().lastCommitNum();
        await().atMost(PATIENCE).until(() -> lines("transactions").size() == commits);

        List<String> changes = lines("changes");
        // the demo change log: alice and bob join, alice ages, they meet, carol comes and goes...
        assertThat(changes).startsWith(
                "#1.1 ADD vertex alice :person",
                "#1.2 ADD vertex alice {name: Alice}",
                "#1.3 ADD vertex bob :person",
                "#1.4 ADD vertex bob {name: Bob}",
                "#2.1 ADD vertex alice {age: 30}");
        assertThat(changes).contains(
                "#3.1 ADD edge alice-knows-bob (alice)-[:knows]->(bob)",
                "#3.2 ADD edge alice-knows-bob {since: 2019}");
        assertThat(changes).anyMatch(l -> l.matches("#\\d+\\.\\d+ REMOVE vertex bob \\{email: bob@example.com}"));
        assertThat(positions(changes)).as("stream order").isSorted();

        List<String> summaries = lines("transactions");
        assertThat(summaries.get(0)).matches("commit 1 at \\S+: 4 changes \\(4 ADD, 0 REMOVE\\) on 2 vertices, 0 edges");
        assertThat(summaries.get(summaries.size() - 1))
                .startsWith("commit " + commits + " at ").contains(String.format(" %,d changes (%,d ADD", BACKLOG, BACKLOG));
        // the backlog's big transaction prints only its first demo.linesPerCommit changes, then its summary
        assertThat(changes.stream().filter(l -> l.startsWith("#" + commits + "."))).hasSize(5);
    }

    @Test
    void throughputRouteReportsWhileTheBacklogDrainsThenFallsSilent() {
        startDemo(false);
        long records = neptune.stream().propertyGraph().recordCount();
        Throughput throughput = main.lookup("throughput", Throughput.class);
        await().atMost(PATIENCE).until(() -> throughput.getTotal() == records);

        assertThat(lines("throughput")).isNotEmpty().allMatch(l -> l.matches("[\\d,]+ records in .* at commit \\d+"));
        int reports = lines("throughput").size();
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> lines("throughput").size() <= reports + 1);
        assertThat(totalReported(lines("throughput"))).isEqualTo(records);
    }

    /** The bodies sent to {@code log:name}, in order. */
    private List<String> lines(String name) {
        MockEndpoint mock = main.getCamelContext().getEndpoint("mock:log:" + name, MockEndpoint.class);
        return mock.getExchanges().stream().map(Exchange::getMessage).map(m -> m.getBody(String.class)).toList();
    }

    private static String taskIdOf(String line) {
        Matcher m = Pattern.compile("(t-[a-z0-9]{10})").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return m.group(1);
    }

    /** {@code #commit.op} of each line as one comparable number. */
    private static List<Long> positions(List<String> changes) {
        return changes.stream().map(l -> l.substring(1, l.indexOf(' ')).split("\\."))
                .map(p -> Long.parseLong(p[0]) * 1_000_000 + Long.parseLong(p[1])).toList();
    }

    private static long totalReported(List<String> reports) {
        String last = reports.get(reports.size() - 1);
        Matcher m = Pattern.compile("([\\d,]+) in all").matcher(last);
        assertThat(m.find()).as(last).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
