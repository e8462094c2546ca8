package dev.camelneptune.local;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time neptune-local runs on. The system clock by default; a manual clock in tests, which moves only when the test
 * calls {@link #advance(Duration)}, so task progress and stream retention are deterministic.
 */
public final class LocalClock {

    private final boolean manual;
    private final AtomicLong offsetMillis = new AtomicLong();

    private LocalClock(boolean manual, long startMillis) {
        this.manual = manual;
        this.offsetMillis.set(manual ? startMillis : 0);
    }

    /** The wall clock: time moves by itself; {@link #advance(Duration)} still jumps it forward. */
    public static LocalClock system() {
        return new LocalClock(false, 0);
    }

    /** A clock that stands still at {@code start} until advanced. */
    public static LocalClock manual(Instant start) {
        return new LocalClock(true, start.toEpochMilli());
    }

    public boolean isManual() {
        return manual;
    }

    public long millis() {
        return manual ? offsetMillis.get() : System.currentTimeMillis() + offsetMillis.get();
    }

    public Instant now() {
        return Instant.ofEpochMilli(millis());
    }

    /** Moves the clock forward (both kinds), e.g. to make tasks progress or old commits expire. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock only moves forward: " + duration);
        }
        offsetMillis.addAndGet(duration.toMillis());
    }
}
