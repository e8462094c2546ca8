package dev.camelneptune.local;

import java.io.IOException;
import java.util.Arrays;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * Applies the next queued {@link Fault} for the request's path: an error instead of the answer (in the API's error
 * format), a closed connection, a delay before the answer, or the answer cut or truncated.
 */
final class FaultFilter extends Filter {

    private final Faults faults;
    private final LocalApi api;

    FaultFilter(Faults faults, LocalApi api) {
        this.faults = faults;
        this.api = api;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        Fault fault = faults.take(exchange.getRequestURI().getPath());
        if (fault == null) {
            chain.doFilter(exchange);
            return;
        }
        switch (fault.kind()) {
            case ERROR -> Exchanges.respond(exchange,
                    api.error(fault.status(), fault.code(), "injected fault: " + fault.code()));
            case RESET -> Exchanges.mode(exchange, Exchanges.Mode.RESET);
            case DELAY -> {
                sleep(fault.delay().toMillis());
                chain.doFilter(exchange);
            }
            case CUT_BODY -> {
                chain.doFilter(exchange);
                Exchanges.mode(exchange, Exchanges.Mode.CUT);
            }
            case TRUNCATED_BODY -> {
                chain.doFilter(exchange);
                LocalResponse whole = Exchanges.response(exchange);
                Exchanges.respond(exchange, new LocalResponse(
                        whole.status(), whole.headers(),
                        Arrays.copyOf(whole.body(), whole.body().length / 2)));
            }
            default -> throw new IllegalStateException("unknown fault " + fault.kind());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String description() {
        return "neptune-local: injected faults";
    }
}
