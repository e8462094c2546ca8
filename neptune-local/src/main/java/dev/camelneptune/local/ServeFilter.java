package dev.camelneptune.local;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * The outermost filter of every API context: counts the request, reads it once, lets the other filters and the API
 * answer, then writes the answer they left. A path that only shares the context's prefix (e.g. {@code /graphsx} under
 * {@code /graphs}) gets the 404 of a path no API serves.
 */
final class ServeFilter extends Filter {

    private final AtomicLong requests;

    ServeFilter(AtomicLong requests) {
        this.requests = requests;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String prefix = exchange.getHttpContext().getPath();
            String path = exchange.getRequestURI().getPath();
            Exchanges.read(exchange);
            try {
                if (!path.equals(prefix) && !path.startsWith(prefix + "/")) {
                    Exchanges.write(exchange, NeptuneLocal.noApiAt(path));
                    return;
                }
                chain.doFilter(exchange);
                Exchanges.write(exchange);
            } finally {
                Exchanges.forget(exchange);
            }
        }
    }

    @Override
    public String description() {
        return "neptune-local: count, read once, write the answer";
    }
}
