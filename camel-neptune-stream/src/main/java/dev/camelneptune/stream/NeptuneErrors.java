package dev.camelneptune.stream;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;

/**
 * The reason Neptune gives for an error. The engine documents its error body as {@code requestId}, {@code code} and
 * {@code detailedMessage}; the SDK keeps {@code detailedMessage} in the neptunedata exceptions' own
 * {@code detailedMessage()}, and fills the exception's message and {@code awsErrorDetails().errorMessage()} only from a
 * {@code message} member, which the engine does not send. Whatever the component says about a Neptune stream error
 * takes the text from here.
 */
public final class NeptuneErrors {

    private static final String DETAILED_MESSAGE = "detailedMessage";
    private static final JsonFactory JSON = new JsonFactory();

    private NeptuneErrors() {
    }

    /**
     * Neptune's reason for {@code error}: the {@code detailedMessage} of a service error (the modelled member, or for a
     * code the model does not know, the member of the raw body), else its {@code awsErrorDetails().errorMessage()};
     * null when the service gave none. For any other throwable, its message.
     */
    public static String reason(Throwable error) {
        if (!(error instanceof AwsServiceException service)) {
            return error != null ? error.getMessage() : null;
        }
        String detailed = detailedMessage(service);
        if (detailed != null) {
            return detailed;
        }
        AwsErrorDetails details = service.awsErrorDetails();
        return details != null ? details.errorMessage() : null;
    }

    /**
     * {@code error} again, with Neptune's reason as its message and {@code awsErrorDetails().errorMessage()} when the
     * SDK left them without it: the same exception type, status, request id, cause and stack, so a route's
     * {@code onException}, the consumer's health check and Camel's log of a failed poll name what Neptune said.
     * Anything else is returned as it is.
     */
    public static RuntimeException withReason(RuntimeException error) {
        if (!(error instanceof AwsServiceException service) || service.awsErrorDetails() == null
                || service.awsErrorDetails().errorMessage() != null) {
            return error;
        }
        String reason = detailedMessage(service);
        if (reason == null) {
            return error;
        }
        AwsServiceException named = service.toBuilder().message(reason)
                .awsErrorDetails(service.awsErrorDetails().toBuilder().errorMessage(reason).build()).build();
        named.setStackTrace(service.getStackTrace());
        for (Throwable suppressed : service.getSuppressed()) {
            named.addSuppressed(suppressed);
        }
        return named;
    }

    private static String detailedMessage(AwsServiceException error) {
        for (SdkField<?> field : error.sdkFields()) {
            if (DETAILED_MESSAGE.equals(field.memberName())) {
                Object value = field.getValueOrDefault(error);
                return value instanceof String text && !text.isBlank() ? text : null;
            }
        }
        AwsErrorDetails details = error.awsErrorDetails();
        return details != null ? fromBody(details.rawResponse()) : null;
    }

    /** The top-level {@code detailedMessage} of a JSON error body, or null. */
    private static String fromBody(SdkBytes body) {
        if (body == null) {
            return null;
        }
        try (JsonParser parser = JSON.createParser(body.asByteArrayUnsafe())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (DETAILED_MESSAGE.equals(name) && value == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            // not JSON: there is no reason to read
            return null;
        }
    }
}
