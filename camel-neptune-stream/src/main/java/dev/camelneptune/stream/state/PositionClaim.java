package dev.camelneptune.stream.state;

import dev.camelneptune.stream.StreamPosition;

/**
 * A consumer's claim of a position key ({@link PositionStore#claim}): the fencing token its writes carry.
 *
 * @param key      the position key
 * @param owner    who claimed it (the store's {@code owner})
 * @param epoch    the claim's epoch, higher than every earlier claim of the key
 * @param position the position stored under the key when it was claimed, or null
 */
public record PositionClaim(String key, String owner, long epoch, StreamPosition position) {
}
