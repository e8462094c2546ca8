package dev.camelneptune.reliability;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.camelneptune.stream.NeptuneStreamConstants;
import dev.camelneptune.stream.state.AtomicFileStateRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import software.amazon.awssdk.services.neptunedata.model.PropertygraphRecord;

/**
 * The consumer JVM of {@link StreamKillTest}:
 * {@code StreamConsumerProcess <neptune endpoint> <offsets file> <output file> <flushInterval ms> [<more URI options>]}
 * (the more options choose the delivery mode, e.g. {@code &batching=true}).
 * <p>
 * One route reads the property graph stream with the atomic file offset repository and appends each record's
 * {@code commitNum:opNum} to the output file: one line for a one-record exchange, one line per record, in the body's
 * order and in one write, for a batch or transaction exchange. The append is a {@code write} system call made inside
 * the route, before the exchange completes (and so before the consumer stores the position): once it returns the line
 * survives a SIGKILL of this process, so the stored position can never be ahead of the output. (It is not forced to the
 * disk: that would guard against a power failure, which a process kill is not.) Each run first writes a {@code #start}
 * line, so the test can tell the runs apart.
 */
public final class StreamConsumerProcess {

    private StreamConsumerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        Path offsets = Path.of(args[1]);
        FileOutputStream output = new FileOutputStream(args[2], true);
        output.write(("#start " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII));

        CamelContext context = new DefaultCamelContext();
        AtomicFileStateRepository repository = new AtomicFileStateRepository(offsets);
        // the flush interval under test: 0 stores every position before the next record is processed
        repository.setFlushInterval(Long.parseLong(args[3]));
        String mode = args.length > 4 ? args[4] : "";
        context.getRegistry().bind("offsets", repository);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("neptune-stream:" + endpoint + "?iteratorType=TRIM_HORIZON&limit=1000&offsetRepository=#offsets"
                     + "&offsetKey=kill-test&delay=100&region=us-east-1&accessKey=local&secretKey=local" + mode)
                        .routeId("kill-test")
                        .process(exchange -> {
                            if (exchange.getMessage().getBody() instanceof List<?> records) {
                                StringBuilder lines = new StringBuilder(records.size() * 12);
                                for (Object record : records) {
                                    var eventId = ((PropertygraphRecord) record).eventId();
                                    lines.append(eventId.get("commitNum")).append(':').append(eventId.get("opNum"))
                                            .append('\n');
                                }
                                output.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
                            } else {
                                append(output, exchange.getMessage().getHeader(NeptuneStreamConstants.COMMIT_NUM) + ":"
                                               + exchange.getMessage().getHeader(NeptuneStreamConstants.OP_NUM));
                            }
                        });
            }
        });
        context.start();
        new CountDownLatch(1).await();
    }

    private static void append(FileOutputStream output, String position) throws IOException {
        // unbuffered: one write(2) per record, done when this returns
        output.write((position + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
