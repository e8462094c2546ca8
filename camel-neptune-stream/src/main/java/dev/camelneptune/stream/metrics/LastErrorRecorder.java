package dev.camelneptune.stream.metrics;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;

/**
 * The consumer's exception handler while it runs: remembers the last error (its text and when), for the dev console,
 * then hands it to the handler the consumer had (logging, or the bridge to the route).
 */
final class LastErrorRecorder implements ExceptionHandler {

    private final ExceptionHandler delegate;
    private volatile String lastError;
    private volatile long lastErrorTimestamp = -1;

    LastErrorRecorder(ExceptionHandler delegate) {
        this.delegate = delegate;
    }

    ExceptionHandler delegate() {
        return delegate;
    }

    /** The last error handled, null when there was none. */
    String lastError() {
        return lastError;
    }

    /** When the last error happened (ms since the epoch), -1 when there was none. */
    long lastErrorTimestamp() {
        return lastErrorTimestamp;
    }

    @Override
    public void handleException(Throwable exception) {
        record(null, exception);
        delegate.handleException(exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        record(message, exception);
        delegate.handleException(message, exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        record(message, exception);
        delegate.handleException(message, exchange, exception);
    }

    private void record(String message, Throwable cause) {
        StringBuilder text = new StringBuilder();
        if (message != null) {
            text.append(message);
        }
        if (cause != null) {
            text.append(text.length() > 0 ? ": " : "").append(cause.getClass().getName());
            if (cause.getMessage() != null) {
                text.append(": ").append(cause.getMessage());
            }
        }
        lastError = text.toString();
        lastErrorTimestamp = System.currentTimeMillis();
    }
}
