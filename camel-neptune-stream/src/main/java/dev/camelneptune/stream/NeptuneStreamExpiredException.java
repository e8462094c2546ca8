package dev.camelneptune.stream;

import org.apache.camel.RuntimeCamelException;

/**
 * The consumer's position has been trimmed from the Neptune stream, and {@code expiredStreamPolicy=FAIL}: the records
 * between that position and the oldest record still retained are gone. The message says what was lost and how to
 * recover.
 */
public class NeptuneStreamExpiredException extends RuntimeCamelException {

    public NeptuneStreamExpiredException(String message) {
        super(message);
    }
}
