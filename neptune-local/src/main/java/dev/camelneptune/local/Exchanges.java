package dev.camelneptune.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;

/**
 * How neptune-local's filters and handlers share one exchange: the request is read once into a {@link LocalRequest},
 * the answer is left as a {@link LocalResponse} (with how to write it) for the outermost filter to write.
 */
final class Exchanges {

    /** How the answer goes out on the wire. */
    enum Mode {
        /** Status, headers, the whole body. */
        NORMAL,
        /** Promise the whole body, send half of it, and drop the connection. */
        CUT,
        /** No status line at all: the connection is closed. */
        RESET
    }

    /**
     * One exchange's request, answer and mode. Not in {@link HttpExchange#setAttribute}: up to JDK 21 the exchange's
     * attributes are its {@code HttpContext}'s, shared by every exchange of the context, so one request's answer or
     * fault would leak into the next, or into a concurrent one.
     */
    private static final class State {
        private final LocalRequest request;
        private LocalResponse response;
        private Mode mode = Mode.NORMAL;

        private State(LocalRequest request) {
            this.request = request;
        }
    }

    private static final Map<HttpExchange, State> STATES = new ConcurrentHashMap<>();

    private Exchanges() {
    }

    static LocalRequest request(HttpExchange exchange) {
        return STATES.get(exchange).request;
    }

    static LocalResponse response(HttpExchange exchange) {
        return STATES.get(exchange).response;
    }

    static void respond(HttpExchange exchange, LocalResponse response) {
        STATES.get(exchange).response = response;
    }

    static void mode(HttpExchange exchange, Mode mode) {
        STATES.get(exchange).mode = mode;
    }

    /** Reads the request (its whole body) once, for every filter and the handler to share. */
    static LocalRequest read(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), new ArrayList<>(v)));
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        LocalRequest request = new LocalRequest(
                exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                LocalRequest.parseQuery(exchange.getRequestURI().getRawQuery()), headers, body);
        STATES.put(exchange, new State(request));
        return request;
    }

    /** Drops what {@link #read} kept for this exchange, once it is answered (or failed). */
    static void forget(HttpExchange exchange) {
        STATES.remove(exchange);
    }

    /** Writes the answer the filters and the handler left, as its mode says. */
    static void write(HttpExchange exchange) throws IOException {
        Mode mode = STATES.get(exchange).mode;
        LocalResponse response = response(exchange);
        if (mode == Mode.RESET || response == null) {
            // closing the exchange without a status line makes the client see the connection closed
            exchange.getResponseBody().close();
        } else if (mode == Mode.CUT) {
            writeCut(exchange, response);
        } else {
            write(exchange, response);
        }
    }

    static void write(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Promises the whole body, sends half of it, and drops the connection. */
    private static void writeCut(HttpExchange exchange, LocalResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        exchange.sendResponseHeaders(response.status(), Math.max(body.length, 2));
        OutputStream out = exchange.getResponseBody();
        out.write(body, 0, body.length / 2);
        out.flush();
        // closing the exchange before the promised length is written makes the server drop the connection
    }
}
