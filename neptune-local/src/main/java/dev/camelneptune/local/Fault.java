package dev.camelneptune.local;

import java.time.Duration;

/**
 * One injected fault. Each API renders an error fault in its own wire format (the task API's {@code {"message"}} body
 * with {@code x-amzn-ErrorType}, the stream API's {@code {"requestId", "code", "detailedMessage"}} body, as the engine
 * documents it).
 *
 * @param kind   what happens
 * @param status the HTTP status of an {@link Kind#ERROR}
 * @param code   the error code of an {@link Kind#ERROR} (e.g. {@code ThrottlingException})
 * @param delay  how long a {@link Kind#DELAY} holds the response before serving it normally
 */
public record Fault(Kind kind, int status, String code, Duration delay) {

    public enum Kind {
        /** Answer with an error status and body instead of serving the request. */
        ERROR,
        /** Serve the request normally, but only after a delay. */
        DELAY,
        /** Send the status line and headers with a full Content-Length, then half the body, then close. */
        CUT_BODY,
        /** Close the connection without any response. */
        RESET,
        /** A complete response (its Content-Length matches) whose body is only the first half: e.g. truncated JSON. */
        TRUNCATED_BODY
    }

    public static Fault error(int status, String code) {
        return new Fault(Kind.ERROR, status, code, Duration.ZERO);
    }

    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 200, null, delay);
    }

    public static Fault cutBody() {
        return new Fault(Kind.CUT_BODY, 200, null, Duration.ZERO);
    }

    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED_BODY, 200, null, Duration.ZERO);
    }

    public static Fault reset() {
        return new Fault(Kind.RESET, 0, null, Duration.ZERO);
    }
}
