package dev.camelneptune.stream.page;

import dev.camelneptune.stream.StreamPosition;
import software.amazon.awssdk.services.neptunedata.model.IteratorType;

/**
 * What one stream request asks for.
 *
 * @param iteratorType where to start
 * @param commitNum    with AT_ and AFTER_SEQUENCE_NUMBER, the commit; null otherwise
 * @param opNum        with AT_ and AFTER_SEQUENCE_NUMBER, the operation; null otherwise
 */
public record StreamRequest(IteratorType iteratorType, Long commitNum, Long opNum) {

    public static StreamRequest of(IteratorType iteratorType) {
        return new StreamRequest(iteratorType, null, null);
    }

    public static StreamRequest at(StreamPosition position) {
        return new StreamRequest(IteratorType.AT_SEQUENCE_NUMBER, position.commitNum(), position.opNum());
    }

    public static StreamRequest after(StreamPosition position) {
        return new StreamRequest(IteratorType.AFTER_SEQUENCE_NUMBER, position.commitNum(), position.opNum());
    }

    @Override
    public String toString() {
        return commitNum == null ? iteratorType.toString() : iteratorType + " " + commitNum + ":" + opNum;
    }
}
