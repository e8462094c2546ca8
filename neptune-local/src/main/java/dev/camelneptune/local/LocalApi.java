package dev.camelneptune.local;

import java.util.List;

/**
 * One of the APIs neptune-local serves: the paths it owns, the name its requests are signed for, how it answers, and
 * its wire format for errors.
 */
public interface LocalApi {

    /** Path prefixes this API owns, e.g. {@code /importtasks}. */
    List<String> pathPrefixes();

    /** The service name SigV4 signatures of this API's requests are scoped to (the model's {@code signingName}). */
    String signingName();

    /** Serves one request; throws {@link ApiError} for an error answer in this API's wire format. */
    LocalResponse handle(LocalRequest request) throws ApiError;

    /** The error answer in this API's wire format. */
    LocalResponse error(int status, String code, String message);
}
