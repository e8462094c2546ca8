package dev.camelneptune.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tour in neptune-local's README, run as written: the server is started as its {@code java -jar} line says (the
 * same main class and arguments, in a JVM of its own, on a free port instead of 8182), and each {@code curl} line's
 * request is sent and answered as its comment says.
 */
class ReadmeTourTest {

    private static final Path README = Path.of("README.md");
    private static final String JAR_COMMAND = "java -jar neptune-local/target/neptune-local.jar";
    private static final String TOUR_ADDRESS = "http://127.0.0.1:8182";
    /** {@code curl [flags] 'url'   # 404 CodeName: ...} */
    private static final Pattern CURL = Pattern.compile(
            "curl((?: -[a-z]+)*) '?(http://[^' ]+)'?\\s+# (\\d{3})(?:[: ] ?([A-Z][A-Za-z]+))?.*");

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** The lines of each {@code ```sh} block of the README, in order. */
    private static List<List<String>> shellBlocks() throws IOException {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : Files.readAllLines(README, StandardCharsets.UTF_8)) {
            if (block == null && line.equals("```sh")) {
                block = new ArrayList<>();
            } else if (block != null && line.equals("```")) {
                blocks.add(block);
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    @Test
    void theTourStartsTheDemoServerAndEachRequestIsAnsweredAsItsCommentSays() throws Exception {
        List<List<String>> blocks = shellBlocks();
        String start = blocks.stream().flatMap(List::stream).filter(l -> l.startsWith(JAR_COMMAND)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + JAR_COMMAND + "' line in " + README));
        List<String> curls = blocks.stream().flatMap(List::stream).filter(l -> l.startsWith("curl ")).toList();
        assertThat(curls).as("the tour reads the stream, lists tasks, a 404, a caught-up read").hasSize(4);

        String endpoint = startServer(start.substring(JAR_COMMAND.length()).trim());

        HttpClient http = HttpClient.newHttpClient();
        for (String curl : curls) {
            Matcher line = CURL.matcher(curl);
            assertThat(line.matches()).as("'%s' is curl [flags] 'url'  # status [Code]", curl).isTrue();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(line.group(2).replace(TOUR_ADDRESS, endpoint))).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(curl).isEqualTo(Integer.parseInt(line.group(3)));
            if (line.group(4) != null) {
                assertThat(response.headers().map() + " " + response.body()).as(curl).contains(line.group(4));
            }
            assertThat(Json.MAPPER.readTree(response.body()).isObject()).as(curl).isTrue();
        }
    }

    /** Starts Main with the README's arguments and a free port; returns the endpoint it says it listens on. */
    private String startServer(String arguments) throws Exception {
        assertThat(arguments).isEqualTo("--demo");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(arguments.split(" ")));
        command.addAll(List.of("--port", String.valueOf(port)));
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> {
            try {
                return output.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(first).isEqualTo("neptune-local listening on http://127.0.0.1:" + port);
        return first.substring("neptune-local listening on ".length());
    }
}
