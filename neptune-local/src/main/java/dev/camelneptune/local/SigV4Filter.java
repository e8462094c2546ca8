package dev.camelneptune.local;

import java.io.IOException;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

/**
 * Refuses, with 403 in the API's error format, every request whose SigV4 signature {@link SigV4Check} denies for the
 * API's signing name.
 */
final class SigV4Filter extends Filter {

    private final SigV4Check check;
    private final LocalApi api;

    SigV4Filter(SigV4Check check, LocalApi api) {
        this.check = check;
        this.api = api;
    }

    @Override
    public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        LocalRequest request = Exchanges.request(exchange);
        SigV4Check.Denial denial = check.check(api.signingName(), request.method(), exchange.getRequestURI(), request.headers(),
                request.body());
        if (denial != null) {
            Exchanges.respond(exchange, api.error(403, denial.code(), denial.message()));
            return;
        }
        chain.doFilter(exchange);
    }

    @Override
    public String description() {
        return "neptune-local: AWS Signature Version 4";
    }
}
