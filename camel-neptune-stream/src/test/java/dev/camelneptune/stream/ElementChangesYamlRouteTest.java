package dev.camelneptune.stream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import dev.camelneptune.stream.change.ElementChanges;
import dev.camelneptune.testpostgres.LocalPostgres;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component page's YAML route (src/test/resources/element-changes-route.yaml, on the page as is): element changes
 * into PostgreSQL through camel-sql, with no Java, binding the fields of each change and of each property value.
 */
class ElementChangesYamlRouteTest extends NeptuneStreamTestSupport {

    static final String ROUTE = "element-changes-route.yaml";
    static final String SCHEMA = "element-changes-schema.sql";

    private static LocalPostgres postgres;

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private final List<ElementChanges> completed = new CopyOnWriteArrayList<>();
    private DataSource dataSource;

    /**
     * A fresh schema, three transactions (alice, bob and k1 added; alice renamed; bob dropped with k1), and the page's
     * route started on them.
     */
    private void startThePagesRoute() throws Exception {
        if (postgres == null) {
            postgres = LocalPostgres.startOrSkip();
        }
        postgres.execute("DROP TABLE IF EXISTS element, element_property", resource(SCHEMA));
        dataSource = postgres.dataSource();
        context.getRegistry().bind("dataSource", dataSource);
        context.getPropertiesComponent().addOverrideProperty("neptune.endpoint", neptune.endpoint().toString());
        // what each exchange of the route held when it completed, in order
        context.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof ExchangeCompletedEvent done
                        && done.getExchange().getMessage().getBody() instanceof ElementChanges changes) {
                    completed.add(changes);
                }
            }
        });
        graph.commit(tx -> tx.addVertex("alice", "person", Map.of("name", "Alice")).setProperty("alice", "age", 30)
                .addVertex("bob", "person", Map.of("name", "Bob"))
                .addEdge("k1", "alice", "bob", "knows", Map.of("since", 2019)));
        graph.commit(tx -> tx.setProperty("alice", "name", "Alicia"));
        graph.commit(tx -> tx.remove("bob"));

        PluginHelper.getRoutesLoader(context)
                .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + ROUTE));
    }

    @Test
    void thePagesRouteKeepsEachElementAndEachPropertyValueAtItsNewestVersion() throws Exception {
        startThePagesRoute();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(elements()).containsExactly(
                    "alice vertex f " + StreamPosition.version(2, 2),
                    "bob vertex t " + StreamPosition.version(3, 4),
                    "k1 edge t " + StreamPosition.version(3, 2));
            assertThat(propertyValues()).containsExactly(
                    "alice vertex age 30 Integer t " + StreamPosition.version(1, 3),
                    "alice vertex name Alice String f " + StreamPosition.version(2, 1),
                    "alice vertex name Alicia String t " + StreamPosition.version(2, 2),
                    "bob vertex name Bob String f " + StreamPosition.version(3, 3),
                    "k1 edge since 2019 Integer f " + StreamPosition.version(3, 1));
        });
    }

    @Test
    void anOlderTransactionDeliveredAgainChangesNoRow() throws Exception {
        startThePagesRoute();
        await().atMost(Duration.ofSeconds(60)).until(() -> completed.size() == 3);
        List<String> elements = elements();
        List<String> propertyValues = propertyValues();

        // the same route, fed the first transaction again, as a redelivery after the later ones would
        String replay = resource(ROUTE).replace("id: element-changes", "id: replay")
                .replace("neptune-stream:{{neptune.endpoint}}?groupByTransaction=true", "direct:replay");
        assertThat(replay).contains("direct:replay");
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("replay.yaml", replay));
        template.sendBody("direct:replay", completed.get(0));

        assertThat(elements()).isEqualTo(elements);
        assertThat(propertyValues()).isEqualTo(propertyValues);
    }

    private List<String> elements() throws SQLException {
        return rows(dataSource, "SELECT id, type, gone, version FROM element ORDER BY id");
    }

    private List<String> propertyValues() throws SQLException {
        return rows(dataSource,
                "SELECT id, type, key, value, data_type, present, version FROM element_property ORDER BY id, key, value");
    }

    /** The rows of {@code query}, each as its columns joined by spaces. */
    static List<String> rows(DataSource dataSource, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = ElementChangesYamlRouteTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
