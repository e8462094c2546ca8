package dev.camelneptune.local.tasks;

import java.util.List;

import dev.camelneptune.local.ApiError;
import dev.camelneptune.local.LocalApi;
import dev.camelneptune.local.LocalClock;
import dev.camelneptune.local.LocalRequest;
import dev.camelneptune.local.LocalResponse;

/** NeptuneGraph task API: import and export tasks. */
public final class TaskApi implements LocalApi {

    private final LocalClock clock;

    public TaskApi(LocalClock clock) {
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
