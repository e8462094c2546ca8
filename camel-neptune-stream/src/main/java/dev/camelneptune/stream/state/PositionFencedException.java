package dev.camelneptune.stream.state;

/**
 * A write refused because its claim is stale: the key was claimed again (by a new leader) after the writer's claim. The
 * writer was deposed; nothing was stored.
 */
public class PositionFencedException extends IllegalStateException {

    private final String key;
    private final long claimedEpoch;
    private final String owner;
    private final long epoch;

    /**
     * @param key          the position key
     * @param claimedEpoch the epoch of the refused write's claim
     * @param owner        who holds the key now (null when its row or entry was removed)
     * @param epoch        the epoch of the current claim (-1 when the row or entry was removed)
     */
    public PositionFencedException(String key, long claimedEpoch, String owner, long epoch) {
        super(owner != null
                ? "position key '" + key + "' was claimed by " + owner + " (epoch " + epoch
                  + ") after this node's claim (epoch "
                  + claimedEpoch + ")"
                : "position key '" + key + "' was removed from the store after this node's claim (epoch " + claimedEpoch + ")");
        this.key = key;
        this.claimedEpoch = claimedEpoch;
        this.owner = owner;
        this.epoch = epoch;
    }

    public String key() {
        return key;
    }

    public long claimedEpoch() {
        return claimedEpoch;
    }

    /** Who holds the key now, null when it was removed. */
    public String owner() {
        return owner;
    }

    /** The epoch of the current claim, -1 when the key was removed. */
    public long epoch() {
        return epoch;
    }
}
