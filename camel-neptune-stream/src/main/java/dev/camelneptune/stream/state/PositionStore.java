package dev.camelneptune.stream.state;

import dev.camelneptune.stream.StreamPosition;

/**
 * Stream positions with fencing: what the {@code neptune-stream} consumer uses when its {@code offsetRepository}
 * implements it (both {@link JdbcStateRepository} and {@link AtomicFileStateRepository} do). Any other
 * {@code StateRepository<String,String>} works too, through {@code getState}/{@code setState}, without fencing.
 * <p>
 * A consumer {@linkplain #claim claims} its key when it starts: the claim records this store's owner and an epoch one
 * higher than every earlier claim of the key. Each {@linkplain #store stored position} is then conditional on that
 * epoch: once another consumer (a new leader) has claimed the key, every write made under the older claim is refused
 * with a {@link PositionFencedException}, which tells the consumer it was deposed. Within a claim a position never
 * moves backwards: a write older than the stored position is refused (logged, counted) and changes nothing.
 */
public interface PositionStore {

    /**
     * Claims {@code key} for this store's owner: the epoch becomes one higher than every earlier claim, and every write
     * made under an earlier claim is refused from now on.
     *
     * @return the claim, with the position stored under the key when it was claimed (null when none)
     */
    PositionClaim claim(String key);

    /**
     * Stores {@code position} under the claim's key, unless the stored position is newer (then nothing changes, and the
     * refusal is logged and counted).
     *
     * @throws PositionFencedException when the key has been claimed again since {@code claim}: the claimant was deposed
     * @throws IllegalStateException   when the position cannot be stored (nothing is stored then)
     */
    void store(PositionClaim claim, StreamPosition position);

    /** The position stored under {@code key} (a write this store has not made yet counts), or null. */
    StreamPosition read(String key);
}
