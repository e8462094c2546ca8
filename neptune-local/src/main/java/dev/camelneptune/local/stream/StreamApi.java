package dev.camelneptune.local.stream;

import java.util.List;

import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.LocalApi;
import dev.camelneptune.local.LocalClock;
import dev.camelneptune.local.LocalRequest;
import dev.camelneptune.local.LocalResponse;

/** Neptune Streams API: property graph and SPARQL change logs. */
public final class StreamApi implements LocalApi {

    private final LocalClock clock;

    public StreamApi(LocalClock clock) {
        this.clock = clock;
    }

    @Override
    public List<String> pathPrefixes() {
        return List.of();
    }

    @Override
    public LocalResponse handle(LocalRequest request) throws ApiError {
        throw new ApiError(404, "UnsupportedOperationException", "not served yet: " + request.path());
    }

    @Override
    public LocalResponse error(int status, String code, String message) {
        return LocalResponse.json(status, "{\"message\":\"" + message + "\"}");
    }

    @Override
    public void seedDemo() {
    }
}
