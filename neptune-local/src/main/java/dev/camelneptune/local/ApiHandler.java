package dev.camelneptune.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/** Lets one API answer the request; a service error or a bug becomes an error answer in the API's format. */
final class ApiHandler implements HttpHandler {

    private final LocalApi api;

    ApiHandler(LocalApi api) {
        this.api = api;
    }

    @Override
    public void handle(HttpExchange exchange) {
        LocalResponse response;
        try {
            response = api.handle(Exchanges.request(exchange));
        } catch (ApiError e) {
            response = api.error(e.status(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            response = api.error(500, "InternalServerException", String.valueOf(e));
        }
        Exchanges.respond(exchange, response);
    }
}
