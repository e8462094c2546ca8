package dev.camelneptune.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelneptune.local.NeptuneLocal;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each row of the bad-input table of {@code docs/faults-and-bad-input.md} is a case: the input fails before any request
 * with exactly the error the table shows, so the table and the components cannot drift apart.
 */
class BadInputTableTest extends CamelTestSupport {

    private static final Path TABLE = Path.of("..", "docs", "faults-and-bad-input.md");
    private static final Pattern ROW = Pattern.compile("^\\| (neptune-stream|neptune-graph) \\| (.+?) \\| .+? \\| `(.+)` \\|$");
    private static final Pattern HEADER_INPUT = Pattern.compile("`header (\\w+)=([^`]*)`.* on `(\\w+)`");

    private final NeptuneLocal neptune = NeptuneLocal.start();

    @AfterEach
    void stopNeptune() {
        neptune.close();
    }

    static List<Arguments> rows() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        for (String line : Files.readAllLines(TABLE, StandardCharsets.UTF_8)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.add(Arguments.of(row.group(1), row.group(2), row.group(3)));
            }
        }
        assertThat(rows).as("rows in " + TABLE).hasSizeGreaterThan(15);
        return rows;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("rows")
    void inputFailsBeforeAnyRequestWithExactlyTheDocumentedError(String component, String input, String error) {
        long requests = neptune.requestCount();
        Matcher header = HEADER_INPUT.matcher(input);
        Throwable failure;
        if (header.find()) {
            String uri = "neptune-graph:tasks?operation=" + header.group(3) + "&region=us-east-1&accessKey=a&secretKey=b"
                         + "&overrideEndpoint=true&uriEndpointOverride=" + neptune.endpoint();
            Object value = header.group(2).isEmpty() ? null : header.group(2);
            Exchange exchange = template.send(uri, e -> e.getMessage().setHeader(header.group(1), value));
            failure = exchange.getException();
        } else {
            String option = input.replace("`", "");
            String uri = option.startsWith(component + ":") ? option
                    : component.equals("neptune-stream")
                            ? "neptune-stream:" + neptune.endpoint() + "?region=us-east-1&accessKey=a&secretKey=b&" + option
                    : "neptune-graph:tasks?operation=getImportTask&region=us-east-1&accessKey=a&secretKey=b&" + option;
            failure = catchThrowable(() -> context.getEndpoint(uri));
            assertThat(failure).isInstanceOf(ResolveEndpointFailedException.class);
            failure = failure.getCause();
        }

        assertThat(failure).isInstanceOf(IllegalArgumentException.class).hasMessage(error);
        assertThat(neptune.requestCount()).as("requests sent").isEqualTo(requests);
    }
}
