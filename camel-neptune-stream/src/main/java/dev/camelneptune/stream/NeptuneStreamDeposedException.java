package dev.camelneptune.stream;

import dev.camelneptune.stream.state.PositionFencedException;
import org.apache.camel.RuntimeCamelException;

/**
 * This consumer was deposed: another consumer (a new leader) claimed its position key after it did, and the position
 * store refused its write. It stops consuming: no further exchange is created, the records in flight finish and their
 * positions are not stored. It claims the key again only when it is started again.
 */
public class NeptuneStreamDeposedException extends RuntimeCamelException {

    private final PositionFencedException refusal;

    public NeptuneStreamDeposedException(String message, PositionFencedException refusal) {
        super(message, refusal);
        this.refusal = refusal;
    }

    /** The store's refusal: the key, and who holds it now with which epoch. */
    public PositionFencedException getRefusal() {
        return refusal;
    }
}
